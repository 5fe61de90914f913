package kefu.handoff;

/** Names of the conversation facts the handoff capability owns (order facts: {@code ShopFacts}). */
final class Facts {

    static final String THREAD = "handoff.thread";
    static final String REASON = "handoff.reason";
    static final String QUEUE_NOTED = "handoff.noted";
    static final String RATE_STAFF = "handoff.rate";
    static final String RATING = "handoff.rating";
    /** When the buyer was handed over; cleared by the first staff reply (for wait and first-reply reports). */
    static final String HANDED_AT = "handoff.at";

    private Facts() {
    }
}
