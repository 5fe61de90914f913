package kefu.shop;

/** The shop did not answer, answered too slowly, or answered something that is not the contract. */
public final class ShopUnavailableException extends RuntimeException {

    public ShopUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ShopUnavailableException(String message) {
        super(message);
    }
}
