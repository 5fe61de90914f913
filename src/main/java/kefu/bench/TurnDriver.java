package kefu.bench;

import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends one simulated buyer's turns to the engine, the way a channel adapter does (a message id per turn,
 * so the de-duplication mark is paid for too), and keeps what a run needs: intents answered, round trips
 * per category, buyers used (so they can be forgotten afterwards).
 */
final class TurnDriver {

    static final String CHANNEL = "bench";
    private static final String HOWTO = "howto";

    private final ConversationEngine engine;
    private final RedisRoundTrips roundTrips;
    private final String runId;
    private final AtomicLong buyers = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final Map<String, LongAdder> intents = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> turnsByCategory = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> tripsByCategory = new ConcurrentHashMap<>();
    private final Set<ConversationKey> used = ConcurrentHashMap.newKeySet();
    private final LongAdder errors = new LongAdder();

    private final boolean uniqueQuestions;

    /**
     * @param uniqueQuestions make every how-to question distinct (a number appended), so none is served from
     *                        the recent-question embedding cache: the cost of a question nobody asked before
     */
    TurnDriver(ConversationEngine engine, RedisRoundTrips roundTrips, String runId, boolean uniqueQuestions) {
        this.engine = engine;
        this.roundTrips = roundTrips;
        this.runId = runId;
        this.uniqueQuestions = uniqueQuestions;
    }

    ConversationKey newBuyer() {
        ConversationKey key = new ConversationKey(CHANNEL, runId + "-" + buyers.incrementAndGet());
        used.add(key);
        return key;
    }

    /** Handles one turn and returns true when the engine answered it (a failure is counted, not thrown). */
    boolean send(ConversationKey buyer, String category, String text) {
        long tripsBefore = roundTrips == null ? 0 : roundTrips.onThisThread();
        try {
            long n = messages.incrementAndGet();
            String said = uniqueQuestions && HOWTO.equals(category) ? text + " " + n : text;
            TurnResult result = engine.handle(Turn.text(buyer, "m" + n, said));
            String intent = result.duplicate() ? "duplicate" : result.intent() == null ? "none" : result.intent().wireName();
            intents.computeIfAbsent(intent, k -> new LongAdder()).increment();
            return true;
        } catch (RuntimeException e) {
            errors.increment();
            return false;
        } finally {
            turnsByCategory.computeIfAbsent(category, k -> new LongAdder()).increment();
            if (roundTrips != null) {
                tripsByCategory.computeIfAbsent(category, k -> new LongAdder())
                        .add(roundTrips.onThisThread() - tripsBefore);
            }
        }
    }

    Map<String, LongAdder> intents() {
        return intents;
    }

    Map<String, LongAdder> turnsByCategory() {
        return turnsByCategory;
    }

    Map<String, LongAdder> tripsByCategory() {
        return tripsByCategory;
    }

    long errors() {
        return errors.sum();
    }

    Set<ConversationKey> used() {
        return used;
    }
}
