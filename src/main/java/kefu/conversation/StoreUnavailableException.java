package kefu.conversation;

/**
 * The conversation store cannot be reached (Redis down, a connection refused or timed out). The engine answers
 * what it can without memory; adapters translate their own failures into this one.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
