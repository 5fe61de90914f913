package kefu.shop;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA256 request signatures, the same on both sides of the shop contract:
 * {@code hex(hmac(secret, METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(sha256(body))))}, where PATH is the
 * request path with its query string, if any.
 */
public final class RequestSigner {

    public static final String API_KEY = "X-Api-Key";
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String NONCE = "X-Nonce";
    public static final String SIGNATURE = "X-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final byte[] secret;

    public RequestSigner(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("kefu.shop.secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String method, String pathAndQuery, long timestampSeconds, String nonce, byte[] body) {
        String canonical = method + "\n" + pathAndQuery + "\n" + timestampSeconds + "\n" + nonce + "\n" + sha256Hex(body);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Compares in constant time, so the signature cannot be guessed byte by byte. */
    public boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
