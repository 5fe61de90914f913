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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Handles one buyer turn end to end: takes the buyer's lease in the store, decides the answer through
 * interceptors, button and flow handlers and the intent handlers, records history and saves.
 * All channels (chat CLI, Telegram) call {@link #handle}; it does no channel I/O itself.
 */
public final class ConversationEngine {

    private static final Set<String> LEAVE_FLOW_WORDS = Set.of("取消", "退出", "算了", "不用了", "cancel", "quit", "exit");
    private static final Set<Intent> FLOW_HINT_AFTER = Set.of(Intent.FAQ, Intent.FALLBACK, Intent.GREETING);
    /** What the history keeps of a message that answered a request for a secret (proof, bind code). */
    static final String HIDDEN_INPUT = "[hidden: proof or code]";
    /** What can be answered without the conversation store. */
    private static final Set<Intent> STATELESS = Set.of(Intent.GREETING, Intent.FAQ, Intent.FALLBACK);
    /** Never handled in a group: they show order details or ask for proofs that other members would read. */
    private static final Set<Intent> ORDER_INTENTS =
            Set.of(Intent.ORDER_STATUS, Intent.URGE_ORDER, Intent.AFTER_SALES, Intent.CANCEL_ORDER);

    private final ConversationStore store;
    private final IntentClassifier classifier;
    private final Map<Intent, IntentHandler> intents;
    private final Map<String, FlowHandler> flows;
    private final Map<String, ButtonHandler> buttons;
    private final List<TurnInterceptor> interceptors;
    private final List<ForgetListener> forgetListeners;
    private final ReplyTexts texts;
    private final Clock clock;
    private final TextNormalizer normalizer;
    private final TurnSettings settings;
    private final ConversationEvents events;
    private final TurnLog turnLog = new TurnLog();

    public ConversationEngine(ConversationStore store, IntentClassifier classifier, List<IntentHandler> intentHandlers,
                              List<FlowHandler> flowHandlers, List<ButtonHandler> buttonHandlers,
                              List<TurnInterceptor> interceptors, List<ForgetListener> forgetListeners,
                              ReplyTexts texts, TextNormalizer normalizer, Clock clock, TurnSettings settings,
                              ConversationEvents events) {
        this.store = store;
        this.classifier = classifier;
        this.intents = new EnumMap<>(Intent.class);
        this.intents.putAll(unique(intentHandlers, IntentHandler::intent, "intent"));
        this.flows = unique(flowHandlers, FlowHandler::flow, "flow");
        this.buttons = unique(buttonHandlers, ButtonHandler::action, "button action");
        this.interceptors = List.copyOf(interceptors);
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
            after = remember(turn, outcome, now, expectsSecret(before));
        } catch (RuntimeException e) {
            // A handler's outcome that cannot be recorded (no state, a reply without text) must neither reach the
            // buyer as an error nor keep the conversation locked until the lease runs out.
            turnLog.failed(turn.key(), e);
            outcome = apology(turn, before, now);
            try {
                after = remember(turn, outcome, now, expectsSecret(before));
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
            Classification c = classifier.classify(ctx);
            if (STATELESS.contains(c.intent())) {
                try {
                    return answer(ctx, c);
                } catch (RuntimeException e) {
                    turnLog.failed(turn.key(), e);
                }
            }
        }
        return Outcome.of(fresh, Intent.FALLBACK, 0, Reply.of(ctx.say("service.degraded")));
    }

    private Outcome decide(Turn turn, ConversationState state, Instant now) {
        Lang start = turn.startingLanguage(state);
        Lang lang = turn.hasText() ? Lang.detect(turn.text(), start) : start;
        TurnContext ctx = new TurnContext(turn, state.withLang(lang), lang, now, texts);
        if (!turn.hasText() && !turn.isButton() && turn.attachment() == null) {
            return Outcome.of(ctx.state(), Intent.FALLBACK, 1.0, Reply.of(ctx.say("input.empty")));
        }
        if (turn.hasText() && turn.text().length() > settings.maxTextLength()) {
            return Outcome.of(ctx.state(), Intent.FALLBACK, 1.0,
                    Reply.of(ctx.say("input.too_long", Map.of("max", settings.maxTextLength()))));
        }
        for (TurnInterceptor interceptor : interceptors) {
            Optional<Outcome> stop = interceptor.intercept(ctx);
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        if (!turn.isPrivate()) {
            return inGroup(ctx);
        }
        if (turn.isButton()) {
            return press(ctx);
        }
        if (ctx.state().inFlow()) {
            if (leavesFlow(turn.trimmedText())) {
                return Outcome.of(ctx.state().endFlow(), Intent.FALLBACK, 1.0, Reply.of(ctx.say("flow.left")));
            }
            FlowHandler flow = flows.get(ctx.state().flow());
            Optional<Outcome> resumed = flow == null ? Optional.empty() : flow.resume(ctx);
            if (resumed.isPresent()) {
                return resumed.get();
            }
        }
        Classification c = classifier.classify(ctx);
        return withFlowHint(ctx, answer(ctx, c));
    }

    /** A question answered in the middle of a form reminds the buyer that the form waits and how to go back. */
    private Outcome withFlowHint(TurnContext ctx, Outcome out) {
        String waiting = ctx.state().flow();
        if (waiting == null || out.state() == null || !waiting.equals(out.state().flow())
                || !FLOW_HINT_AFTER.contains(out.intent()) || !flows.containsKey(waiting)) {
            return out;
        }
        return flows.get(waiting).stillWaiting(ctx.withState(out.state())).map(out::plus).orElse(out);
    }

    /**
     * A group member addressing the bot: help-center answers, greetings and a handover are fine; anything about
     * an order (status, proof, urge, cancel, after-sales, a form in progress, an order button) is sent to the
     * private chat, and the conversation's state is left as it was.
     */
    private Outcome inGroup(TurnContext ctx) {
        Outcome toPrivate = Outcome.of(ctx.state(), Intent.FALLBACK, 1.0, Reply.of(ctx.say("security.group.private_only")));
        if (ctx.turn().isButton()) {
            Optional<Intent> pressed = Buttons.intentOf(ctx.turn().button());
            return pressed.isPresent() && !ORDER_INTENTS.contains(pressed.get()) ? press(ctx) : toPrivate;
        }
        if (ctx.state().inFlow()) {
            return toPrivate;
        }
        Classification c = classifier.classify(ctx);
        return ORDER_INTENTS.contains(c.intent()) ? toPrivate : answer(ctx, c);
    }

    private Outcome answer(TurnContext ctx, Classification c) {
        IntentHandler handler = intents.get(c.intent());
        if (handler == null) {
            return Outcome.of(ctx.state(), c.intent(), c.confidence(), Reply.of(ctx.say("not_available"),
                    List.of(Buttons.human(ctx))));
        }
        Outcome out = handler.handle(ctx, c);
        return out.intent() == null ? out.withIntent(c.intent(), c.confidence()) : out;
    }

    private Outcome press(TurnContext ctx) {
        String data = ctx.turn().button();
        if (!ctx.state().offeredButtons().contains(data)) {
            return stale(ctx);
        }
        Optional<Intent> intent = Buttons.intentOf(data);
        if (intent.isPresent()) {
            return answer(ctx, new Classification(intent.get(), 1.0, Map.of("via", "button")));
        }
        int colon = data.indexOf(':');
        String action = colon < 0 ? data : data.substring(0, colon);
        String argument = colon < 0 ? "" : data.substring(colon + 1);
        ButtonHandler handler = buttons.get(action);
        if (handler == null) {
            return stale(ctx);
        }
        return handler.press(ctx, argument);
    }

    /** An old or unknown button: say so, and offer the main ways on so the buyer is not left at a dead end. */
    private Outcome stale(TurnContext ctx) {
        List<Button> next = List.of(
                Buttons.intent(ctx.label("button.order_status"), Intent.ORDER_STATUS),
                Buttons.intent(ctx.label("button.faq"), Intent.FAQ),
                Buttons.human(ctx));
        return Outcome.of(ctx.state(), Intent.FALLBACK, 1.0, Reply.of(ctx.say("button.stale"), next));
    }

    private boolean leavesFlow(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return LEAVE_FLOW_WORDS.contains(t) || SlashCommand.parse(t).filter(c -> c.is(BuyerCommand.CANCEL)).isPresent();
    }

    private Outcome apology(Turn turn, ConversationState state, Instant now) {
        TurnContext ctx = new TurnContext(turn, state, state.lang(), now, texts);
        return Outcome.of(state, Intent.FALLBACK, 0, Reply.of(ctx.say("error.internal"), List.of(Buttons.human(ctx))));
    }

    private boolean expectsSecret(ConversationState before) {
        FlowHandler flow = before.inFlow() ? flows.get(before.flow()) : null;
        return flow != null && flow.expectsSecret(before);
    }

    /** @param secretInput the buyer's text answered a request for a proof or code: it is not kept */
    private ConversationState remember(Turn turn, Outcome outcome, Instant now, boolean secretInput) {
        ConversationState s = outcome.state();
        String said = turn.hasText() ? (secretInput ? HIDDEN_INPUT : turn.text()) : turn.isButton() ? "[button] " + turn.button()
                : turn.attachment() != null ? "[file] " + turn.attachment().fileName() : "";
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

    private Turn normalized(Turn turn) {
        if (turn.text() == null) {
            return turn;
        }
        // Over-long text is kept as is so the length check sees it; it is never classified.
        String text = turn.text().length() > settings.maxTextLength() ? turn.text() : normalizer.normalize(turn.text());
        return new Turn(turn.key(), turn.messageId(), turn.chatType(), text, turn.button(), turn.attachment(),
                turn.languageHint(), turn.text());
    }

    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private static <K, V> Map<K, V> unique(List<V> handlers, Function<V, K> keyOf, String what) {
        Map<K, V> byKey = new HashMap<>();
        for (V handler : handlers) {
            V clash = byKey.put(keyOf.apply(handler), handler);
            if (clash != null) {
                throw new IllegalStateException("two handlers for " + what + " " + keyOf.apply(handler) + ": "
                        + clash.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
            }
        }
        return byKey;
    }
}
