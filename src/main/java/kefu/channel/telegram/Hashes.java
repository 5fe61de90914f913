package kefu.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Chat ids in logs are hashed: a log line must not identify a buyer. */
final class Hashes {

    private Hashes() {
    }

    static String chat(long chatId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Long.toString(chatId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
