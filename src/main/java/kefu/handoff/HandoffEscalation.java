package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.Escalation;
import kefu.conversation.FlowHandler;
import kefu.conversation.HistoryEntry;
import kefu.conversation.Handover;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.events.ConversationEvent.HandedOver;
import kefu.conversation.events.ConversationEvents;
import kefu.nlu.DialogueCues;

import org.springframework.beans.factory.ObjectProvider;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands a conversation to staff: queues the buyer, opens (or reopens) the buyer's staff thread, posts the
 * summary card and tells the buyer their place in the queue, or that staff are off and the question is kept.
 */
public final class HandoffEscalation implements Escalation {

    private static final int MAX_CARD_ORDERS = 3;
    /** Buyer messages looked through for a product they name, when no order is in play. */
    private static final int NAMED_LOOKBACK = 4;

    private final StaffDesk desk;
    private final ThreadIndex threads;
    private final HandoffQueue queue;
    private final Transcript transcript;
    private final ServiceHours hours;
    private final SummaryCard card;
    private final StaffTexts texts;
    private final HandoffProperties settings;
    private final StaffOrderLookup orders;
    /** Looked up when needed: flows may themselves escalate, so they cannot be constructor dependencies. */
    private final ObjectProvider<FlowHandler> flows;
    private final ConversationEvents events;
    private final DialogueCues cues;

    public HandoffEscalation(StaffDesk desk, ThreadIndex threads, HandoffQueue queue, Transcript transcript,
                       ServiceHours hours, SummaryCard card, StaffTexts texts, HandoffProperties settings,
                       StaffOrderLookup orders, ObjectProvider<FlowHandler> flows, ConversationEvents events,
                       DialogueCues cues) {
        this.events = events;
        this.cues = cues;
        this.flows = flows;
        this.orders = orders;
        this.desk = desk;
        this.threads = threads;
        this.queue = queue;
        this.transcript = transcript;
        this.hours = hours;
        this.card = card;
        this.texts = texts;
        this.settings = settings;
    }

    @Override
    public Outcome escalate(TurnContext ctx, Intent intent, String reason) {
        ConversationState s = ctx.state();
        if (s.handover().withHumans()) {
            return Outcome.of(s, intent, 1.0, Reply.of(ctx.say("handoff.already"))).withHandoff(true);
        }
        ConversationKey buyer = ctx.turn().key();
        Instant now = ctx.now();
        queue.enqueue(buyer, now);
        long position = queue.position(buyer).orElse(1);
        boolean open = hours.isOpen(now);
        s = setAside(s).withHandover(Handover.QUEUED).withFact(Facts.REASON, reason).withFact(Facts.QUEUE_NOTED, null)
                .withFact(Facts.RATE_STAFF, null).withFact(Facts.HANDED_AT, now.toString());
        boolean known = s.fact(Facts.THREAD) != null;
        String trigger = ctx.turn().hasText() ? ctx.turn().text()
                : ctx.turn().isButton() ? "[button] " + ctx.turn().button() : null;
        String thread = openThread(buyer, s, intent, ctx.turn().hasText() ? ctx.turn().text() : null);
        s = s.withFact(Facts.THREAD, thread);
        String queueLine = open ? texts.say("handoff.staff.queue_position", Map.of("position", position))
                : texts.say("handoff.staff.queue_after_hours");
        postCard(thread, buyer, s, intent, reason, queueLine, trigger, !known);

        events.publish(new HandedOver(buyer, now, reason));
        String lead = ctx.texts().has("handoff.lead." + reason) ? ctx.say("handoff.lead." + reason) + "\n" : "";
        long ahead = position - 1;
        String status = open
                ? ctx.say(ahead == 0 ? "handoff.queued_next" : "handoff.queued", Map.of("ahead", ahead,
                        "minutes", Math.max(1, ahead * settings.waitPerBuyer().toMinutes())))
                : ctx.say("handoff.after_hours", Map.of("opens", settings.serviceOpens(),
                        "closes", settings.serviceCloses()));
        return Outcome.of(s, intent, 1.0, Reply.of(lead + status)).withHandoff(true);
    }

    /** The product category the buyer's latest words name ("话费" → mobile_topup), newest first. */
    private Optional<String> named(ConversationState state, String said) {
        List<String> texts = new java.util.ArrayList<>();
        if (said != null) {
            texts.add(said);
        }
        List<HistoryEntry> history = state.history();
        for (int i = history.size() - 1; i >= 0 && texts.size() < NAMED_LOOKBACK; i--) {
            if (HistoryEntry.BUYER.equals(history.get(i).role())) {
                texts.add(history.get(i).text());
            }
        }
        return texts.stream().map(cues::category).flatMap(Optional::stream).findFirst();
    }

    /** A flow in progress is set aside the way that flow wants (a half-filled form is kept for later). */
    private ConversationState setAside(ConversationState s) {
        if (!s.inFlow()) {
            return s;
        }
        return flows.orderedStream().filter(f -> f.flow().equals(s.flow())).findFirst()
                .map(f -> f.setAside(s)).orElseGet(s::endFlow);
    }

    /** Opens (or reopens) the buyer's thread and remembers which buyer it belongs to. */
    public String openThread(ConversationKey buyer, ConversationState state, Intent intent) {
        return openThread(buyer, state, intent, null);
    }

    /**
     * As {@link #openThread(ConversationKey, ConversationState, Intent)}; a new thread may be placed (a desk of
     * several staff groups) by the category of the order in play, else by the product the buyer's latest words
     * name ({@code said}: this turn's text, then what the history holds).
     */
    public String openThread(ConversationKey buyer, ConversationState state, Intent intent, String said) {
        String order = SummaryCard.lastOrder(state);
        String thread = desk.openThread(buyer, card.title(buyer, state, intent), () -> {
            Optional<String> ofOrder = order == null ? Optional.empty() : orders.category(order);
            return ofOrder.isPresent() ? ofOrder : named(state, said);
        });
        threads.put(thread, buyer);
        return thread;
    }

    /**
     * Queues the summary card with the last transcript lines (synchronised from the history first); the desk
     * posts it after the turn, before anything relayed later. A new thread's first card carries the command help.
     */
    public void postCard(String thread, ConversationKey buyer, ConversationState state, Intent intent, String reason,
                         String queueLine, String trigger, boolean firstInThread) {
        transcript.sync(buyer, state.history());
        List<String> orderLines = SummaryCard.ordersInPlay(state, MAX_CARD_ORDERS).stream().map(orders::line).toList();
        String text = card.card(buyer, state, intent, reason, queueLine, trigger, orderLines,
                transcript.last(buyer, settings.cardTurns()));
        desk.postCard(thread, firstInThread ? text + "\n" + card.help() : text, card.buttons());
    }
}
