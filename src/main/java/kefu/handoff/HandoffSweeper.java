package kefu.handoff;

import kefu.conversation.ConversationBusyException;
import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore;
import kefu.conversation.Handover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the handoff queue every {@code kefu.handoff.sweep-every}: reminds staff (once, during service
 * hours) of buyers waiting longer than {@code remind-after}, closes conversations staff left quiet for
 * {@code idle-close}, and drops queue entries whose conversation is no longer waiting. Safe to run on
 * several instances at once: every close goes through the buyer's lease and each reminder is claimed once.
 */
public final class HandoffSweeper {

    private static final Logger log = LoggerFactory.getLogger(HandoffSweeper.class);

    private final HandoffQueue queue;
    private final StaffActivity activity;
    private final StaffTakeover takeover;
    private final ConversationStore store;
    private final StaffDesk desk;
    private final StaffTexts texts;
    private final ServiceHours hours;
    private final HandoffProperties settings;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public HandoffSweeper(HandoffQueue queue, StaffActivity activity, StaffTakeover takeover, ConversationStore store,
                          StaffDesk desk, StaffTexts texts, ServiceHours hours, HandoffProperties settings,
                          Clock clock) {
        this.queue = queue;
        this.activity = activity;
        this.takeover = takeover;
        this.store = store;
        this.desk = desk;
        this.texts = texts;
        this.hours = hours;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass; called by the timer, and by tests with a fixed clock. */
    public void sweep() {
        Instant now = clock.instant();
        for (HandoffQueue.Waiting w : queue.waiting()) {
            Optional<ConversationState> state = store.peek(w.buyer());
            if (state.isEmpty() || !Handover.QUEUED.equals(state.get().handover())) {
                queue.remove(w.buyer());
            }
        }
        if (hours.isOpen(now)) {
            for (HandoffQueue.Waiting w : queue.waitingSince(now.minus(settings.remindAfter()))) {
                if (queue.markReminded(w.buyer())) {
                    String thread = store.peek(w.buyer()).map(s -> s.fact(Facts.THREAD)).orElse(null);
                    desk.post(thread, texts.say("handoff.staff.reminder", Map.of("buyer", SummaryCard.masked(w.buyer()),
                            "minutes", Duration.between(w.since(), now).toMinutes())), List.of());
                }
            }
        }
        Instant quietSince = now.minus(settings.idleClose());
        for (var buyer : activity.quietSince(quietSince)) {
            try {
                takeover.closeIdle(buyer, quietSince);
            } catch (ConversationBusyException e) {
                log.info("idle close postponed: the buyer is in the middle of a turn");
            }
        }
    }

    public synchronized void start() {
        if (settings.sweepEvery().isZero() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "handoff-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = settings.sweepEvery().toMillis();
        timer.scheduleWithFixedDelay(this::sweepLogged, every, every, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // A failed pass must not stop the timer; the next pass retries.
            log.error("handoff sweep failed: {}", e.toString(), e);
        }
    }
}
