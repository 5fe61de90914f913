package kefu.shop;

import java.time.Instant;

/** The answer to a proof of ownership; a missing order and a wrong proof are the same {@code NOT_FOUND}. */
public record Verification(Result result, ShopOrder order, Instant retryAfter) {

    public enum Result { VERIFIED, NOT_FOUND, TOO_MANY_ATTEMPTS }

    public boolean verified() {
        return result == Result.VERIFIED;
    }
}
