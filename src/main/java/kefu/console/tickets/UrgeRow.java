package kefu.console.tickets;

import kefu.shop.ListedUrge;
import kefu.shop.kept.KeptUrge;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One urged order as the tickets page shows it: the buyer by pseudonym, who keeps the urge, and — for the shop's —
 * by when it promised to act and the urge's status, which the bot does not track for the urges it keeps.
 *
 * @param keeper   {@code bot} or {@code shop}, as {@link TicketRow.Keeper} names them
 * @param expected by when the shop promised to act, formatted; {@code -} when unknown
 * @param status   the shop's word for the urge ({@code open}, {@code handled}), or null when nobody tracks one
 */
public record UrgeRow(String orderNo, String keeper, String buyer, int count, Instant urgedAt, String last,
                      String expected, String status) {

    static UrgeRow of(KeptUrge kept, DateTimeFormatter time) {
        return new UrgeRow(kept.orderNo(), TicketRow.Keeper.BOT.wireName(), TicketRow.pseudonym(kept.chatUser()),
                kept.count(), kept.last(), time.format(kept.last()), "-", null);
    }

    static UrgeRow of(ListedUrge listed, DateTimeFormatter time) {
        return new UrgeRow(listed.orderNo(), TicketRow.Keeper.SHOP.wireName(), TicketRow.pseudonym(listed.chatUser()),
                listed.urgeCount(), listed.urgedAt(), time.format(listed.urgedAt()),
                listed.expectedBy() == null ? "-" : time.format(listed.expectedBy()), listed.status());
    }

    /** Whether the page has a text for the status; another word from the shop is shown as it came. */
    public boolean knownStatus() {
        return status != null && ListedUrge.STATUSES.contains(status);
    }
}
