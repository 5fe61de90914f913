package kefu.conversation;

import kefu.conversation.command.BuyerCommand;
import kefu.conversation.command.SlashCommand;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides what answers a turn, with no storage of its own: input checks, interceptors, the group policy, buttons,
 * the form in progress, then the classified intent's handler. {@link ConversationEngine} runs it inside the turn
 * transaction (lease, history, save).
 */
public final class TurnRouter {

    private static final Set<Intent> FLOW_HINT_AFTER = Set.of(Intent.FAQ, Intent.FALLBACK, Intent.GREETING);
    /** What can be answered without the conversation store. */
    private static final Set<Intent> STATELESS = Set.of(Intent.GREETING, Intent.FAQ, Intent.FALLBACK);
    /** Never handled in a group: they show order details or ask for proofs that other members would read. */
    private static final Set<Intent> ORDER_INTENTS =
            Set.of(Intent.ORDER_STATUS, Intent.URGE_ORDER, Intent.AFTER_SALES, Intent.CANCEL_ORDER);

    /** The recogniser's entities for a message with two requests. */
    private static final String FIRST_PART = "first_part";
    private static final String ALSO = "also";

    private final MoodReply moods = new MoodReply();
    private final IntentClassifier classifier;
    private final Map<Intent, IntentHandler> intents;
    private final Map<String, FlowHandler> flows;
    private final Map<String, ButtonHandler> buttons;
    private final List<TurnInterceptor> interceptors;
    private final int maxTextLength;
    private final Keywords keywords;

    public TurnRouter(IntentClassifier classifier, List<IntentHandler> intentHandlers, List<FlowHandler> flowHandlers,
                      List<ButtonHandler> buttonHandlers, List<TurnInterceptor> interceptors, int maxTextLength,
                      Keywords keywords) {
        this.classifier = classifier;
        this.keywords = keywords;
        this.intents = new EnumMap<>(Intent.class);
        this.intents.putAll(unique(intentHandlers, IntentHandler::intent, "intent"));
        this.flows = unique(flowHandlers, FlowHandler::flow, "flow");
        this.buttons = unique(buttonHandlers, ButtonHandler::action, "button action");
        this.interceptors = List.copyOf(interceptors);
        this.maxTextLength = maxTextLength;
    }


    /** Decides the answer to one turn; the caller holds the buyer's lease and records what comes back. */
    public Outcome route(TurnContext ctx) {
        Turn turn = ctx.turn();
        if (!turn.hasText() && !turn.isButton() && turn.attachment() == null && turn.media() == null) {
            return Outcome.of(ctx.state(), Intent.FALLBACK, 1.0, Reply.of(ctx.say("input.empty")));
        }
        if (turn.hasText() && turn.text().length() > maxTextLength) {
            return Outcome.of(ctx.state(), Intent.FALLBACK, 1.0,
                    Reply.of(ctx.say("input.too_long", Map.of("max", maxTextLength))));
        }
        for (TurnInterceptor interceptor : interceptors) {
            Optional<Outcome> stop = interceptor.intercept(ctx);
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        if (turn.media() != null && !turn.hasText()) {
            // Staff (an interceptor above) get voice and video whole; the bot itself reads neither.
            return Outcome.of(ctx.state(), Intent.FALLBACK, 1.0, Reply.of(ctx.say("input.media")));
        }
        if (!turn.isPrivate()) {
            return inGroup(ctx);
        }
        if (turn.isButton()) {
            return press(ctx);
        }
        if (ctx.state().inFlow()) {
            FlowHandler flow = flows.get(ctx.state().flow());
            if (leavesFlow(turn.trimmedText())) {
                ConversationState left = flow == null ? ctx.state().endFlow() : flow.leave(ctx.state());
                return Outcome.of(left, Intent.FALLBACK, 1.0, Reply.of(ctx.say("flow.left")));
            }
            Optional<Outcome> resumed = flow == null ? Optional.empty() : flow.resume(ctx);
            if (resumed.isPresent()) {
                return resumed.get();
            }
        }
        Classification c = classifier.classify(ctx);
        return withFlowHint(ctx, c.entity(ALSO) == null ? answer(ctx, c) : answerBoth(ctx, c));
    }

    /**
     * Two requests in one message ("查一下K… 顺便问下积分怎么用"): each part is answered as if sent alone, the
     * second on the state the first left, and both answers go out as one reply.
     */
    private Outcome answerBoth(TurnContext ctx, Classification c) {
        Outcome first = answer(ctx.withTurn(ctx.turn().withText(c.entity(FIRST_PART))), c);
        TurnContext rest = ctx.withTurn(ctx.turn().withText(c.entity(ALSO))).withState(first.state());
        Classification next = classifier.classify(rest);
        // The first request now waits on the buyer (a proof, a confirmation): a second order action would replace
        // that step, so the buyer is told it is kept for afterwards instead.
        if (ORDER_INTENTS.contains(next.intent()) && first.state() != null && first.state().inFlow()) {
            return first.plus(Reply.of(ctx.say("also.after_this", Map.of("request", c.entity(ALSO)))));
        }
        Map<String, String> calm = new HashMap<>(next.entities());
        calm.remove(MoodReply.MOOD);
        Outcome second = answer(rest, new Classification(next.intent(), next.confidence(), calm));
        List<Reply> replies = new java.util.ArrayList<>(first.replies());
        replies.addAll(second.replies());
        List<Source> sources = new java.util.ArrayList<>(first.sources());
        sources.addAll(second.sources());
        return new Outcome(replies, second.state(), first.intent(), first.confidence(), sources,
                first.handoff() || second.handoff());
    }

    /**
     * The store is unreachable: only what needs no memory (greetings, help-center questions) is answered;
     * empty for anything else.
     */
    public Optional<Outcome> routeWithoutMemory(TurnContext ctx) {
        Classification c = classifier.classify(ctx);
        return STATELESS.contains(c.intent()) ? Optional.of(answer(ctx, c)) : Optional.empty();
    }

    /** The form in progress asked for a secret (proof, bind code): the buyer's next text is not kept. */

    public boolean expectsSecret(ConversationState before) {
        FlowHandler flow = before.inFlow() ? flows.get(before.flow()) : null;
        return flow != null && flow.expectsSecret(before);
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
        return moods.soften(ctx, c, out.intent() == null ? out.withIntent(c.intent(), c.confidence()) : out);
    }

    private Outcome press(TurnContext ctx) {
        String data = ctx.turn().button();
        boolean offered = ctx.state().offeredButtons().contains(data);
        Optional<Intent> intent = Buttons.intentOf(data);
        if (intent.isPresent()) {
            return offered ? answer(ctx, new Classification(intent.get(), 1.0, Map.of("via", "button"))) : stale(ctx);
        }
        int colon = data.indexOf(':');
        String action = colon < 0 ? data : data.substring(0, colon);
        String argument = colon < 0 ? "" : data.substring(colon + 1);
        ButtonHandler handler = buttons.get(action);
        if (handler == null || !(offered || handler.judgesOlderPresses())) {
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
        return Keywords.in(keywords.leaveFlow(), text)
                || SlashCommand.parse(text.toLowerCase(Locale.ROOT)).filter(c -> c.is(BuyerCommand.CANCEL)).isPresent();
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
