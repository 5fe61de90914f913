package kefu.shop;

import java.time.Instant;

/**
 * The answer to a bind code: the account it binds, {@code INVALID} for an unknown, used or expired code, or
 * {@code TOO_MANY_ATTEMPTS} once the chat user (or everybody together) gave too many wrong codes.
 */
public record BindResult(Result result, ShopAccount account, Instant retryAfter) {

    public enum Result { BOUND, INVALID, TOO_MANY_ATTEMPTS }

    public static BindResult bound(ShopAccount account) {
        return new BindResult(Result.BOUND, account, null);
    }

    public static BindResult invalid() {
        return new BindResult(Result.INVALID, null, null);
    }

    public static BindResult tooManyAttempts(Instant retryAfter) {
        return new BindResult(Result.TOO_MANY_ATTEMPTS, null, retryAfter);
    }

    public boolean bound() {
        return result == Result.BOUND;
    }
}
