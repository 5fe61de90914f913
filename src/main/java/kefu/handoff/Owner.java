package kefu.handoff;

import java.util.Optional;

/**
 * Values of {@code ConversationState.owner}: {@code bot} answers; {@code queued} waits for staff;
 * {@code staff:<id>} is being served by that staff member; {@code closed} was handed back by staff
 * (the bot answers again, a rating may be pending).
 */
public final class Owner {

    public static final String BOT = "bot";
    public static final String QUEUED = "queued";
    public static final String CLOSED = "closed";
    private static final String STAFF = "staff:";

    private Owner() {
    }

    public static String staff(String staffId) {
        return STAFF + staffId;
    }

    /** The staff member serving the conversation, if any. */
    public static Optional<String> staffId(String owner) {
        return owner != null && owner.startsWith(STAFF) ? Optional.of(owner.substring(STAFF.length())) : Optional.empty();
    }

    /** Queued or served by staff: the bot must not answer on its own. */
    public static boolean withHumans(String owner) {
        return QUEUED.equals(owner) || staffId(owner).isPresent();
    }
}
