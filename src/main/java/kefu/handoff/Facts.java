package kefu.handoff;

import kefu.conversation.ConversationState;

import java.time.Duration;
import java.time.Instant;

/** Names of the conversation facts the handoff capability owns (order facts: {@code ShopFacts}). */
final class Facts {

    static final String THREAD = "handoff.thread";
    static final String REASON = "handoff.reason";
    static final String QUEUE_NOTED = "handoff.noted";
    static final String RATE_STAFF = "handoff.rate";
    static final String RATING = "handoff.rating";
    /** When the buyer was handed over; cleared by the first staff reply (for wait and first-reply reports). */
    static final String HANDED_AT = "handoff.at";

    /** Time since the handover, until the first staff reply clears it; null when not known. */
    static Duration sinceHandedOver(ConversationState s, Instant now) {
        String at = s.fact(HANDED_AT);
        return at == null ? null : Duration.between(Instant.parse(at), now);
    }

    private Facts() {
    }
}
