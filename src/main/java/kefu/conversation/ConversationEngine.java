package kefu.conversation;

import kefu.conversation.ConversationStore.Begin;
import kefu.conversation.command.BuyerCommand;
import kefu.conversation.command.SlashCommand;
import kefu.conversation.events.ConversationEvent.TurnAnswered;
import kefu.conversation.events.ConversationEvent.TurnOutcome;
import kefu.conversation.events.ConversationEvents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The turn transaction: takes the buyer's lease in the store, has the {@link TurnRouter} decide the answer,
 * records history and saves; answers from memory when the store is down and handles {@code /forget}.
 * All channels (chat CLI, Telegram) call {@link #handle}; it does no channel I/O itself.
 */
public final class ConversationEngine {

    /** What the history keeps of a message that answered a request for a secret (proof, bind code). */
    static final String HIDDEN_INPUT = "[hidden: proof or code]";

    private final ConversationStore store;
    private final TurnRouter router;
    private final List<ForgetListener> forgetListeners;
    private final ReplyTexts texts;
    private final Clock clock;
    private final TextNormalizer normalizer;
    private final TurnSettings settings;
    private final ConversationEvents events;
    private final TurnLog turnLog = new TurnLog();

    public ConversationEngine(ConversationStore store, TurnRouter router, List<ForgetListener> forgetListeners,
                              ReplyTexts texts, TextNormalizer normalizer, Clock clock, TurnSettings settings,
                              ConversationEvents events) {
        this.store = store;
        this.router = router;
        this.forgetListeners = List.copyOf(forgetListeners);
        this.texts = texts;
        this.clock = clock;
        this.normalizer = normalizer;
        this.settings = settings;
        this.events = events;
    }

    public TurnResult handle(Turn raw) {
        long started = System.nanoTime();
        Turn turn = normalized(raw);
        Begin begin;
        try {
            begin = store.begin(turn.key(), turn.messageId(), settings.turnWait());
        } catch (StoreUnavailableException e) {
            turnLog.storeDown(turn.key(), e);
            return finish(turn, withoutStore(turn, clock.instant()), null, started, true);
        }
        if (begin instanceof Begin.Duplicate) {
            turnLog.duplicate(turn.key());
            return TurnResult.duplicateOf(turn.key());
        }
        if (begin instanceof Begin.Banned) {
            return finish(turn, new Outcome(List.of(), null, null, 0, List.of(), false), null, started, false);
        }
        if (begin instanceof Begin.Limited limited) {
            List<Reply> note = limited.firstOverLimit()
                    ? List.of(Reply.of(texts.get("input.flood",
                            Lang.detect(turn.text(), turn.startingLanguage(ConversationState.fresh())), Map.of())))
                    : List.of();
            return finish(turn, new Outcome(note, null, Intent.FALLBACK, 1.0, List.of(), false), null, started, false);
        }
        Begin.Acquired acquired = (Begin.Acquired) begin;
        ConversationState before = acquired.state();
        Instant now = clock.instant();
        if (turn.hasText() && SlashCommand.parse(turn.trimmedText()).filter(c -> c.is(BuyerCommand.FORGET)).isPresent()) {
            return finish(turn, forget(acquired, turn, now), null, started, false);
        }
        Outcome outcome;
        try {
            outcome = decide(turn, before, now);
        } catch (RuntimeException e) {
            turnLog.failed(turn.key(), e);
            outcome = apology(turn, before, now);
        }
        ConversationState after;
        try {
            after = remember(turn, before, outcome, now, router.expectsSecret(before));
        } catch (RuntimeException e) {
            // A handler's outcome that cannot be recorded (no state, a reply without text) must neither reach the
            // buyer as an error nor keep the conversation locked until the lease runs out.
            turnLog.failed(turn.key(), e);
            outcome = apology(turn, before, now);
            try {
                after = remember(turn, before, outcome, now, router.expectsSecret(before));
            } catch (RuntimeException again) {
                store.release(acquired.lease());
                throw again;
            }
        }
        try {
            store.commit(acquired.lease(), after);
        } catch (StoreUnavailableException e) {
            // The answer was decided (and any shop call made); only this step's memory is lost.
            turnLog.storeDown(turn.key(), e);
        } catch (RuntimeException e) {
            store.release(acquired.lease());
            throw e;
        }
        return finish(turn, outcome, after.flow(), started, true);
    }

    /** @param report false for turns that are not conversation (banned, flooding, {@code /forget}) */
    private TurnResult finish(Turn turn, Outcome outcome, String flow, long started, boolean report) {
        TurnResult result = new TurnResult(turn.key(), outcome.intent(), outcome.confidence(), outcome.replies(),
                outcome.sources(), outcome.handoff(), flow, false);
        long micros = (System.nanoTime() - started) / 1000;
        turnLog.handled(turn.key(), result, micros);
        if (report) {
            events.publish(new TurnAnswered(turn.key(), clock.instant(), outcome.intent(), outcomeOf(turn, outcome),
                    outcome.sources().isEmpty() ? null : outcome.sources().get(0).id(), Duration.ofNanos(micros * 1000)));
        }
        return result;
    }

    private static TurnOutcome outcomeOf(Turn turn, Outcome outcome) {
        if (outcome.handoff()) {
            // A relay to staff has no intent of its own; a handover names the intent that led to it.
            return outcome.intent() == null ? TurnOutcome.WITH_STAFF : TurnOutcome.HANDED_OVER;
        }
        if (outcome.intent() == null || outcome.intent() == Intent.FALLBACK) {
            return TurnOutcome.OTHER;
        }
        boolean typedQuestion = outcome.intent() == Intent.FAQ && turn.hasText() && !turn.isButton();
        return typedQuestion && outcome.sources().isEmpty() ? TurnOutcome.UNANSWERED : TurnOutcome.ANSWERED;
    }

    /**
     * {@code /forget}: deletes what is kept of the conversation, and lets capabilities delete what they keep
     * elsewhere, while holding the buyer's lease; only the confirmation is sent.
     */
    private Outcome forget(Begin.Acquired acquired, Turn turn, Instant now) {
        try {
            store.forget(turn.key());
            for (ForgetListener listener : forgetListeners) {
                try {
                    listener.forgotten(turn.key(), acquired.state());
                } catch (RuntimeException e) {
                    // The conversation itself is gone; one capability failing must not fail the others.
                    turnLog.failed(turn.key(), e);
                }
            }
        } finally {
            store.release(acquired.lease());
        }
        TurnContext ctx = new TurnContext(turn, ConversationState.fresh(), acquired.state().lang(), now, texts);
        return Outcome.of(null, Intent.FALLBACK, 1.0, Reply.of(ctx.say("privacy.forgotten")));
    }

    /**
     * Redis is unreachable: answer from what is in memory (greetings, help-center questions) and tell buyers
     * that order actions are briefly unavailable. Nothing is remembered from this turn.
     */
    private Outcome withoutStore(Turn turn, Instant now) {
        ConversationState fresh = ConversationState.fresh();
        Lang start = turn.startingLanguage(fresh);
        Lang lang = turn.hasText() ? Lang.detect(turn.text(), start) : start;
        TurnContext ctx = new TurnContext(turn, fresh.withLang(lang), lang, now, texts);
        if (turn.hasText() && turn.text().length() <= settings.maxTextLength()) {
            try {
                Optional<Outcome> answered = router.routeWithoutMemory(ctx);
                if (answered.isPresent()) {
                    return answered.get();
                }
            } catch (RuntimeException e) {
                turnLog.failed(turn.key(), e);
            }
        }
        return Outcome.of(fresh, Intent.FALLBACK, 0, Reply.of(ctx.say("service.degraded")));
    }
    private Outcome decide(Turn turn, ConversationState state, Instant now) {
        Lang start = turn.startingLanguage(state);
        Lang lang = turn.hasText() ? Lang.detect(turn.text(), start) : start;
        return router.route(new TurnContext(turn, state.withLang(lang), lang, now, texts));
    }


    private Outcome apology(Turn turn, ConversationState state, Instant now) {
        TurnContext ctx = new TurnContext(turn, state, state.lang(), now, texts);
        return Outcome.of(state, Intent.FALLBACK, 0, Reply.of(ctx.say("error.internal"), List.of(Buttons.human(ctx))));
    }

    /** @param secretInput the buyer's text answered a request for a proof or code: it is not kept */
    private ConversationState remember(Turn turn, ConversationState before, Outcome outcome, Instant now,
                                       boolean secretInput) {
        ConversationState s = outcome.state();
        String said = turn.hasText() ? (secretInput ? HIDDEN_INPUT : InlineSecrets.hide(turn.text())) : turn.isButton() ? pressed(turn, before)
                : turn.attachment() != null ? "[file] " + turn.attachment().fileName()
                : turn.media() != null ? "[" + turn.media().kind().wireName() + "] " + turn.media().label() : "";
        String intent = outcome.intent() == null ? null : outcome.intent().wireName();
        s = s.withHistory(new HistoryEntry(HistoryEntry.BUYER, clip(said), intent, now), settings.historySize());
        for (Reply reply : outcome.replies()) {
            // Secrets are never copied into the history that staff and logs may see.
            String text = reply.privateOnly() ? "[private reply]" : reply.text();
            s = s.withHistory(new HistoryEntry(HistoryEntry.BOT, clip(text), intent, now), settings.historySize());
        }
        List<String> shown = outcome.replies().stream().flatMap(r -> r.buttons().stream()).map(Button::data).toList();
        int streak = outcome.intent() == Intent.FALLBACK && !turn.isButton() ? s.fallbackStreak() + 1 : 0;
        return s.withOfferedButtons(shown).withFallbackStreak(streak).touchedAt(now);
    }

    /** A press as history shows it: a button the bot never offered is marked as unknown, its data quoted. */
    private static String pressed(Turn turn, ConversationState state) {
        return state.offeredButtons().contains(turn.button()) || turn.button().isEmpty() ? "[button] " + turn.button()
                : "[unknown button] «" + turn.button() + "»";
    }

    private Turn normalized(Turn turn) {
        if (turn.isButton()) {
            turn = turn.withButton(ButtonData.clean(turn.button()));
        }
        if (turn.text() == null) {
            return turn;
        }
        // Over-long text is kept as is so the length check sees it; it is never classified.
        String text = turn.text().length() > settings.maxTextLength() ? turn.text() : normalizer.normalize(turn.text());
        return turn.withNormalizedText(text);
    }

    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
