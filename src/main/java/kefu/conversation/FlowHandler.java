package kefu.conversation;

import java.util.Optional;

/**
 * Continues a guided flow (after-sales form, proof of ownership...) that is in progress.
 * Returning empty lets the engine treat the text as a new question; the flow stays where it was.
 */
public interface FlowHandler {

    String flow();

    Optional<Outcome> resume(TurnContext ctx);

    /**
     * A line to add after a question was answered outside the flow while the flow still waits (how to go
     * back to it); empty for none.
     */
    default Optional<Reply> stillWaiting(TurnContext ctx) {
        return Optional.empty();
    }

    /**
     * True when the buyer's next message in this state is likely a secret (a proof of ownership, a bind code):
     * the engine then keeps it out of the history and the transcript staff read.
     */
    default boolean expectsSecret(ConversationState state) {
        return false;
    }

    /**
     * The state with this flow set aside because something else takes over (a person, another flow); by default
     * the flow ends. A form the buyer may want to finish later keeps what was filled in.
     */
    default ConversationState setAside(ConversationState state) {
        return state.endFlow();
    }

    /** The state after the buyer gave this flow up ("算了", "退出"): nothing of it is kept. */
    default ConversationState leave(ConversationState state) {
        return state.endFlow();
    }
}
