package kefu.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kefu.conversation.events.ConversationEvent;
import kefu.conversation.events.ConversationEvent.ConversationClosed;
import kefu.conversation.events.ConversationEvent.FallbackGiven;
import kefu.conversation.events.ConversationEvent.HandedOver;
import kefu.conversation.events.ConversationEvent.OrderLookedUp;
import kefu.conversation.events.ConversationEvent.OrderUrged;
import kefu.conversation.events.ConversationEvent.Rated;
import kefu.conversation.events.ConversationEvent.StaffJoined;
import kefu.conversation.events.ConversationEvent.StaffReplied;
import kefu.conversation.events.ConversationEvent.TicketFiled;
import kefu.conversation.events.ConversationEvent.TurnAnswered;
import kefu.conversation.events.ConversationEventListener;

import java.time.Duration;
import java.util.Locale;

/**
 * Turns conversation events into {@code kefu_*} Prometheus metrics. Labels are closed sets only (intent,
 * channel, outcome, fallback kind, handover reason, order status, score); the buyer, the staff member, the
 * question and order or ticket numbers never become a label.
 */
public final class ConversationMetrics implements ConversationEventListener {

    private final MeterRegistry meters;

    public ConversationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void on(ConversationEvent event) {
        String channel = event.channel();
        if (event instanceof TurnAnswered t) {
            String intent = t.intent() == null ? "none" : t.intent().wireName();
            Counter.builder("kefu.turns").description("Buyer turns handled, by intent, channel and outcome")
                    .tag("intent", intent).tag("channel", channel).tag("outcome", lower(t.outcome()))
                    .register(meters).increment();
            if (t.latency() != null) {
                Timer.builder("kefu.turn.latency").description("Time to handle one buyer turn")
                        .tag("channel", channel).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                        .register(meters).record(t.latency());
            }
        } else if (event instanceof FallbackGiven f) {
            Counter.builder("kefu.fallbacks").description("Questions the bot could not answer, by kind")
                    .tag("kind", lower(f.kind())).tag("channel", channel).register(meters).increment();
        } else if (event instanceof HandedOver h) {
            Counter.builder("kefu.handoffs").description("Buyers handed to staff, by reason")
                    .tag("reason", reason(h.reason())).tag("channel", channel).register(meters).increment();
        } else if (event instanceof StaffJoined j && j.waited() != null) {
            waitTimer("kefu.handoff.wait", "Time from handover until a person took the conversation")
                    .record(j.waited());
        } else if (event instanceof StaffReplied r && r.first()) {
            waitTimer("kefu.staff.first.reply", "Time from handover to the first staff message")
                    .record(r.sinceHandover());
        } else if (event instanceof ConversationClosed c) {
            Counter.builder("kefu.conversations.closed")
                    .description("Staff conversations handed back, by staff or for staff silence")
                    .tag("by", c.idle() ? "idle" : "staff").register(meters).increment();
        } else if (event instanceof Rated r) {
            DistributionSummary.builder("kefu.ratings").description("Buyers' ratings of staff, 1-5")
                    .serviceLevelObjectives(1, 2, 3, 4, 5).register(meters).record(r.score());
        } else if (event instanceof OrderLookedUp o) {
            Counter.builder("kefu.orders.looked.up").description("Order statuses shown")
                    .tag("status", o.status() == null ? "unknown" : o.status()).register(meters).increment();
        } else if (event instanceof OrderUrged) {
            Counter.builder("kefu.orders.urged").description("Urges the shop accepted").register(meters).increment();
        } else if (event instanceof TicketFiled) {
            Counter.builder("kefu.tickets.filed").description("After-sales tickets filed").register(meters).increment();
        }
    }

    /** A handover reason is a word the code chose ({@code asked}, {@code fallback}...); anything else is folded. */
    private static String reason(String reason) {
        return reason != null && reason.matches("[a-z_]{1,24}") ? reason : "other";
    }

    private Timer waitTimer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(2))
                .register(meters);
    }

    private static String lower(Enum<?> value) {
        return value == null ? "none" : value.name().toLowerCase(Locale.ROOT);
    }
}
