package kefu.shop;

/**
 * A ticket as the shop lists it for staff: the ticket and the chat user who filed it through the bot ({@code tg:123}),
 * null when it was filed elsewhere (the shop's own site).
 */
public record ListedTicket(ShopTicket ticket, String chatUser) {
}
