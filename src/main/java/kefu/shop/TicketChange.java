package kefu.shop;

/**
 * The shop's answer to a ticket's status change: {@code CHANGED} with the ticket as it is now; {@code REFUSED} when
 * the ticket cannot move there from where it stands (closed already, or already there); {@code NOT_FOUND}; or
 * {@code UNSUPPORTED} when the shop takes no status changes from the bot.
 */
public record TicketChange(Outcome outcome, ListedTicket ticket) {

    public enum Outcome { CHANGED, REFUSED, NOT_FOUND, UNSUPPORTED }

    public static TicketChange changed(ListedTicket ticket) {
        return new TicketChange(Outcome.CHANGED, ticket);
    }

    public static TicketChange of(Outcome outcome) {
        return new TicketChange(outcome, null);
    }
}
