package kefu.conversation.events;

import kefu.conversation.ConversationKey;
import kefu.conversation.Intent;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened in a conversation, published as it happens so reports and metrics need no log
 * scraping. Listeners must not put the buyer key or text into metric labels; the key is there for per-buyer
 * reports (a conversation resolved or not) and the question for the unanswered list.
 */
public sealed interface ConversationEvent {

    ConversationKey buyer();

    Instant at();

    /** The channel the buyer wrote on ({@code tg}, {@code cli}, {@code web}). */
    default String channel() {
        return buyer().channel();
    }

    /** How the bot dealt with one buyer turn, as the engine sees it. */
    enum TurnOutcome {
        /** An article, an order action, a greeting, a form step: the bot helped. */
        ANSWERED,
        /** A typed help-center question without a confident answer ("not sure" or no match). */
        UNANSWERED,
        /** The turn handed the buyer to staff. */
        HANDED_OVER,
        /** The buyer is queued or with staff; the message went to them. */
        WITH_STAFF,
        /** An engine notice (flood, too long, form left, old button) or a fallback, published as {@link FallbackGiven}. */
        OTHER
    }

    /** One buyer turn handled; {@code articleId} is the article the answer came from, or null. */
    record TurnAnswered(ConversationKey buyer, Instant at, Intent intent, TurnOutcome outcome, String articleId,
                        Duration latency) implements ConversationEvent { }

    /** Why a question was not answered. */
    enum FallbackKind { NOT_SURE, NO_MATCH, NOT_UNDERSTOOD }

    /** The bot could not answer a typed question; {@code question} is the buyer's text as normalised. */
    record FallbackGiven(ConversationKey buyer, Instant at, String question, FallbackKind kind)
            implements ConversationEvent { }

    /** The buyer was queued for staff; {@code reason} is the handover reason ({@code asked}, {@code fallback}...). */
    record HandedOver(ConversationKey buyer, Instant at, String reason) implements ConversationEvent { }

    /** A staff member took the conversation; {@code waited} is the time since the handover, when known. */
    record StaffJoined(ConversationKey buyer, Instant at, String staffId, Duration waited) implements ConversationEvent { }

    /** A staff message reached the buyer; {@code sinceHandover} is set on the first reply after a handover only. */
    record StaffReplied(ConversationKey buyer, Instant at, String staffId, Duration sinceHandover)
            implements ConversationEvent {

        public boolean first() {
            return sinceHandover != null;
        }
    }

    /** Staff handed the conversation back to the bot ({@code idle}: closed for staff silence). */
    record ConversationClosed(ConversationKey buyer, Instant at, String staffId, boolean idle)
            implements ConversationEvent { }

    /**
     * The buyer rated a staff conversation 1-5; {@code question} is the last question the bot tried to answer
     * before (an article or a fallback), or null when the buyer asked none.
     */
    record Rated(ConversationKey buyer, Instant at, String staffId, int score, String question)
            implements ConversationEvent {

        public Rated(ConversationKey buyer, Instant at, String staffId, int score) {
            this(buyer, at, staffId, score, null);
        }

        /** 1 or 2 of 5: the buyer was not helped (CSAT counts 4 and 5 as satisfied). */
        public boolean down() {
            return score <= 2;
        }
    }

    /** The buyer was shown an order's status ({@code status} is its wire name). */
    record OrderLookedUp(ConversationKey buyer, Instant at, String status) implements ConversationEvent { }

    /** The buyer's urge was accepted by the shop. */
    record OrderUrged(ConversationKey buyer, Instant at, String orderNo) implements ConversationEvent { }

    /** An after-sales ticket was filed for the buyer. */
    record TicketFiled(ConversationKey buyer, Instant at, String ticketNo) implements ConversationEvent { }
}
