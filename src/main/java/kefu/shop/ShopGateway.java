package kefu.shop;

import java.util.List;
import java.util.Optional;

/**
 * The shop's order system as the bot sees it. {@code chatUser} identifies the buyer's conversation
 * (e.g. {@code tg:123}). Every method may throw {@link ShopUnavailableException}.
 */
public interface ShopGateway {

    /**
     * Binds the chat user to the account whose one-time code this is. Wrong codes are counted by the shop per
     * chat user and in total, as wrong proofs are: past the limit the answer is {@code TOO_MANY_ATTEMPTS}.
     */
    BindResult bind(String chatUser, String code);

    /** Checks a proof of ownership (last 4 phone digits, order email or query password). */
    Verification verify(String chatUser, String orderNo, String proof);

    Optional<ShopOrder> order(String orderNo);

    /** The account's latest orders, newest first. */
    List<ShopOrder> recentOrders(String accountId, int limit);

    UrgeResult urge(String orderNo, String chatUser, String idempotencyKey);

    CancelResult cancel(String orderNo, String chatUser, String idempotencyKey);

    /** Stores one evidence file with the shop and returns its id. */
    String upload(String chatUser, String fileName, String mimeType, byte[] content);

    TicketResult file(TicketRequest request, String idempotencyKey);

    Optional<ShopTicket> ticket(String ticketNo);

    /**
     * The shop's latest tickets for staff, newest first, of the given statuses (empty: any). Empty when the shop lists
     * no tickets for the bot: the listing is optional in the contract, and shops whose tickets the bot keeps list
     * them through {@link kefu.shop.kept.KeptTickets} instead.
     */
    Optional<List<ListedTicket>> tickets(List<String> statuses, int limit);

    /**
     * Moves a ticket to {@code status} ({@code processing}, {@code resolved} or {@code rejected}) with staff's note for
     * the buyer, made by the console user {@code by}. Telling the buyer is the caller's part.
     */
    TicketChange changeTicket(String ticketNo, String status, String note, String by, String idempotencyKey);

    /**
     * The orders buyers urged at the shop, most recently urged first, of the given urge statuses (empty: any). Empty
     * when the shop lists no urges for the bot: optional in the contract, as the ticket list is; shops whose urges the
     * bot keeps list them through {@link kefu.shop.kept.KeptTickets} instead.
     */
    Optional<List<ListedUrge>> urges(List<String> statuses, int limit);

    /**
     * The shop system's name ({@code dujiaoka}, {@code acg-faka}, ...) where buyers must be asked differently — what
     * proves an order, what its numbers look like; empty for the bot's own contract.
     */
    default String replyVariant() {
        return "";
    }
}
