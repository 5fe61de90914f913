package kefu.shop;

import java.time.Instant;
import java.util.List;

/**
 * An urged order as the shop lists it for staff: who urged it through the bot ({@code tg:123}; null when not known),
 * when last and how often, by when the shop promised to act, and the urge's status where the shop tracks one
 * ({@code open} until it acted, {@code handled} after; null when it tracks none).
 */
public record ListedUrge(String orderNo, String chatUser, Instant urgedAt, int urgeCount, Instant expectedBy,
                         String status) {

    /** The statuses of the contract; a shop tracking none sends {@code null}. */
    public static final List<String> STATUSES = List.of("open", "handled");
}
