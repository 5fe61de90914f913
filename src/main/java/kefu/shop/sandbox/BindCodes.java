package kefu.shop.sandbox;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time bind codes: {@code BIND-XXXX-XXXX-XXXX}, 12 characters of Crockford's base32 (60 random bits), so
 * guessing one within the failure limits is hopeless. Typed codes are compared without case and dashes.
 */
final class BindCodes {

    static final int MAX_LENGTH = 64;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BindCodes() {
    }

    static String fresh() {
        StringBuilder code = new StringBuilder("BIND");
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** {@code bind-7q2k 9xhm-4pwa} and {@code BIND-7Q2K-9XHM-4PWA} are the same code. */
    static String normalise(String typed) {
        String plain = typed.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return plain.startsWith("BIND") ? plain : "BIND" + plain;
    }
}
