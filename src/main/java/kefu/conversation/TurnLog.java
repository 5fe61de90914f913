package kefu.conversation;

import kefu.privacy.Pseudonym;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/** One log line per turn: hashed conversation id, intent, confidence, flow and latency; never what was said. */
public final class TurnLog {

    private static final Logger log = LoggerFactory.getLogger("kefu.turns");

    public void handled(ConversationKey key, TurnResult result, long micros) {
        if (log.isInfoEnabled()) {
            log.info("turn chat={} intent={} conf={} flow={} handoff={} ms={}", Pseudonym.of(key),
                    result.intent() == null ? "-" : result.intent().wireName(),
                    String.format("%.2f", result.confidence()), result.flow() == null ? "-" : result.flow(),
                    result.handoff(), String.format("%.1f", micros / 1000.0));
        }
    }

    public void duplicate(ConversationKey key) {
        log.info("turn chat={} duplicate message ignored", Pseudonym.of(key));
    }

    public void storeDown(ConversationKey key, RuntimeException e) {
        log.warn("turn chat={} conversation store unavailable, answering without it: {}", Pseudonym.of(key), e.getMessage());
    }

    public void failed(ConversationKey key, RuntimeException e) {
        log.error("turn chat={} failed: {}", Pseudonym.of(key), e.toString(), e);
    }
}
