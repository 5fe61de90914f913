package kefu.conversation;


import java.time.Duration;
import java.util.Optional;

/**
 * Conversation state with one writer at a time per buyer. {@link #begin} takes the buyer's lease and
 * loads the state; {@link #commit} saves it, marks the message handled and gives the lease back.
 */
public interface ConversationStore {

    /**
     * Waits up to {@code wait} for the buyer's lease. A message id seen before yields {@link Begin.Duplicate};
     * a banned buyer {@link Begin.Banned}; a buyer over the flood limit {@link Begin.Limited}.
     */
    Begin begin(ConversationKey key, String messageId, Duration wait);

    /**
     * Takes the buyer's lease for an action that is not the buyer's message (staff, the sweeper): no message id,
     * not refused for a banned buyer and not counted against the buyer's flood limit, so staff can always
     * answer, close or unban a flooding or banned buyer.
     */
    Begin.Acquired beginAction(ConversationKey key, Duration wait);

    void commit(Lease lease, ConversationState state);

    /** Gives the lease back without saving (the turn failed); the message may be handled again. */
    void release(Lease lease);

    Optional<ConversationState> peek(ConversationKey key);

    /** Removes everything kept for the conversation (the buyer's {@code /forget}). */
    void forget(ConversationKey key);

    /** The result of {@link #begin}. */
    sealed interface Begin {
        record Acquired(Lease lease, ConversationState state) implements Begin { }
        record Duplicate() implements Begin { }
        record Banned() implements Begin { }
        /** Too many turns in the flood window; {@code firstOverLimit} only for the first turn over the limit. */
        record Limited(boolean firstOverLimit) implements Begin { }
    }

    /** Proof of holding a buyer's lease; needed to save. */
    record Lease(ConversationKey key, String messageId, String token) { }
}
