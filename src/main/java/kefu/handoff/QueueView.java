package kefu.handoff;

import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The waiting queue as staff read it ({@code /queue}): one line per buyer, longest waiting first. */
public final class QueueView {

    private final HandoffQueue queue;
    private final ConversationStore store;
    private final SummaryCard card;
    private final StaffTexts texts;
    private final Clock clock;

    public QueueView(HandoffQueue queue, ConversationStore store, SummaryCard card, StaffTexts texts, Clock clock) {
        this.queue = queue;
        this.store = store;
        this.card = card;
        this.texts = texts;
        this.clock = clock;
    }

    public String render() {
        List<HandoffQueue.Waiting> waiting = queue.waiting();
        if (waiting.isEmpty()) {
            return texts.say("handoff.staff.queue_empty");
        }
        Instant now = clock.instant();
        StringBuilder out = new StringBuilder(texts.say("handoff.staff.queue_head", Map.of("count", waiting.size())));
        int n = 0;
        for (HandoffQueue.Waiting w : waiting) {
            ConversationState s = store.peek(w.buyer()).orElse(ConversationState.fresh());
            String order = SummaryCard.lastOrder(s);
            out.append('\n').append(texts.say("handoff.staff.queue_line", Map.of("n", ++n,
                    "buyer", SummaryCard.masked(w.buyer()),
                    "minutes", Duration.between(w.since(), now).toMinutes(),
                    "reason", s.fact(Facts.REASON) == null ? "-" : card.reasonName(s.fact(Facts.REASON)),
                    "order", order == null ? texts.say("handoff.staff.no_order") : order)));
        }
        return out.toString();
    }
}
