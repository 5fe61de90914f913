package kefu.handoff;

import java.util.List;
import java.util.Optional;

/**
 * Picks the staff desk: the one a channel adapter provides (the Telegram staff group), or else an in-process
 * {@link InMemoryStaffDesk} that the chat CLI shows.
 */
public final class ConfiguredStaffDesk {

    private final StaffDesk desk;

    public ConfiguredStaffDesk(List<StaffDesk> channelDesks) {
        if (channelDesks.size() > 1) {
            throw new IllegalStateException("more than one staff desk is configured: " + channelDesks.stream()
                    .map(d -> d.getClass().getSimpleName()).toList());
        }
        this.desk = channelDesks.isEmpty() ? new InMemoryStaffDesk() : channelDesks.get(0);
    }

    public StaffDesk desk() {
        return desk;
    }

    /** The in-process desk, when no channel provides one. */
    public Optional<InMemoryStaffDesk> inMemory() {
        return desk instanceof InMemoryStaffDesk c ? Optional.of(c) : Optional.empty();
    }
}
