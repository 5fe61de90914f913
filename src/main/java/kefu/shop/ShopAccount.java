package kefu.shop;

/** A shop account a chat user was bound to. */
public record ShopAccount(String id, String name) {
}
