package kefu.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One log line per turn: hashed conversation id, intent, confidence, flow and latency; never what was said. */
public final class TurnLog {

    private static final Logger log = LoggerFactory.getLogger("kefu.turns");

    public void handled(ConversationKey key, TurnResult result, long micros) {
        if (log.isInfoEnabled()) {
            log.info("turn chat={} intent={} conf={} flow={} handoff={} ms={}", hash(key),
                    result.intent() == null ? "-" : result.intent().wireName(),
                    String.format("%.2f", result.confidence()), result.flow() == null ? "-" : result.flow(),
                    result.handoff(), String.format("%.1f", micros / 1000.0));
        }
    }

    public void duplicate(ConversationKey key) {
        log.info("turn chat={} duplicate message ignored", hash(key));
    }

    public void storeDown(ConversationKey key, RuntimeException e) {
        log.warn("turn chat={} conversation store unavailable, answering without it: {}", hash(key), e.getMessage());
    }

    public void failed(ConversationKey key, RuntimeException e) {
        log.error("turn chat={} failed: {}", hash(key), e.toString(), e);
    }

    /** A short stable pseudonym for a conversation, so logs can be correlated without naming the buyer. */
    public static String hash(ConversationKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.asString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
