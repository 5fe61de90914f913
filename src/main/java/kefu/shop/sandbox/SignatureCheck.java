package kefu.shop.sandbox;

import kefu.shop.RequestSigner;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The shop's side of request signing: the API key, a timestamp within the allowed skew, the HMAC, and a
 * nonce never seen before (remembered in Redis for twice the skew, after which the timestamp check refuses it anyway).
 */
final class SignatureCheck {

    private final RequestSigner signer;
    private final String apiKey;
    private final Duration maxSkew;
    private final StringRedisTemplate redis;
    private final String noncePrefix;
    private final Clock clock;

    SignatureCheck(RequestSigner signer, String apiKey, Duration maxSkew, StringRedisTemplate redis,
                   String noncePrefix, Clock clock) {
        this.signer = signer;
        this.apiKey = apiKey;
        this.maxSkew = maxSkew;
        this.redis = redis;
        this.noncePrefix = noncePrefix;
        this.clock = clock;
    }

    /** Empty when the request may be served, else the error code to answer with 401. */
    Optional<String> refuse(String method, String pathAndQuery, String key, String timestamp, String nonce,
                            String signature, byte[] body) {
        if (key == null || !signer.matches(apiKey, key)) {
            return Optional.of("unknown_api_key");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.of("bad_timestamp");
        }
        if (Math.abs(clock.instant().getEpochSecond() - ts) > maxSkew.toSeconds()) {
            return Optional.of("stale_timestamp");
        }
        if (nonce == null || nonce.length() < 8 || nonce.length() > 128) {
            return Optional.of("bad_nonce");
        }
        if (!signer.matches(signer.sign(method, pathAndQuery, ts, nonce, body), signature)) {
            return Optional.of("bad_signature");
        }
        // Checked last, so a forged request cannot burn a genuine client's nonce.
        Boolean fresh = redis.opsForValue().setIfAbsent(noncePrefix + nonce, "1", maxSkew.multipliedBy(2));
        return Boolean.TRUE.equals(fresh) ? Optional.empty() : Optional.of("replayed_nonce");
    }
}
