package kefu.shop;

/**
 * The shop's answer to filing a ticket: the ticket, or why not — {@code open_ticket_exists} (then
 * {@code ticket} is the open one) or {@code not_eligible} (then {@code rule} names the rule).
 */
public record TicketResult(ShopTicket ticket, String refusal, String rule) {

    public boolean filed() {
        return refusal == null;
    }
}
