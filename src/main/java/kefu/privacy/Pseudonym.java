package kefu.privacy;

import kefu.conversation.ConversationKey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name a conversation goes by in logs: a short hash of its key ({@code tg:123456}), the same in every
 * log line about it, so an operator can follow one buyer without the log naming them.
 */
public final class Pseudonym {

    private Pseudonym() {
    }

    public static String of(ConversationKey key) {
        return of(key.asString());
    }

    /** For a Telegram chat id, the pseudonym of its conversation ({@code tg:<id>}). */
    public static String ofTelegramChat(long chatId) {
        return of("tg:" + chatId);
    }

    public static String of(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
