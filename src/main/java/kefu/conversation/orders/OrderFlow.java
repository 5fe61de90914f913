package kefu.conversation.orders;

import kefu.conversation.ConversationState;
import kefu.conversation.FlowHandler;
import kefu.conversation.Intent;
import kefu.conversation.IntentClassifier;
import kefu.conversation.Lang;
import kefu.conversation.OrderNumbers;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.shop.ShopGateway;
import kefu.shop.ShopUnavailableException;
import kefu.shop.Verification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The small steps before an order action: waiting for the order number, for the proof of ownership, or for
 * a bind code. Text that is plainly something else (a question in Chinese) is left to the intent recogniser.
 */
final class OrderFlow implements FlowHandler {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LOOKS_LIKE_NUMBER = Pattern.compile("[A-Za-z]?\\d{6,}");

    private final ShopGateway shop;
    private final OrderAccess access;
    private final Binding binding;
    private final OrderNumbers entities;
    private final OrderWords words;
    private final Map<String, OrderAction> actions;
    private final IntentClassifier classifier;

    OrderFlow(ShopGateway shop, OrderAccess access, Binding binding, OrderNumbers entities, OrderWords words,
              List<OrderAction> actions, IntentClassifier classifier) {
        this.classifier = classifier;
        this.shop = shop;
        this.access = access;
        this.binding = binding;
        this.entities = entities;
        this.words = words;
        this.actions = actions.stream().collect(Collectors.toMap(OrderAction::name, Function.identity()));
    }

    @Override
    public String flow() {
        return OrderAccess.FLOW;
    }

    @Override
    public boolean expectsSecret(ConversationState state) {
        String step = state.slot(OrderAccess.STEP);
        return "proof".equals(step) || "bind_code".equals(step);
    }

    @Override
    public Optional<Outcome> resume(TurnContext given) {
        TurnContext ctx = inFlowLanguage(given);
        String text = ctx.turn().trimmedText();
        String step = ctx.state().slot(OrderAccess.STEP);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if ("bind_code".equals(step)) {
            return HAN.matcher(text).find() ? Optional.empty() : Optional.of(binding.bind(ctx, text));
        }
        OrderAction action = actions.get(ctx.state().slot(OrderAccess.ACTION));
        if (action == null) {
            return Optional.empty();
        }
        Optional<String> named = entities.orderNumber(text);
        if (named.isPresent() && !named.get().equals(ctx.state().slot(OrderAccess.ORDER))) {
            return named(ctx, action, named.get(), text);
        }
        if ("order".equals(step)) {
            if (LOOKS_LIKE_NUMBER.matcher(text).find() && !HAN.matcher(text).find()) {
                return Optional.of(Outcome.of(ctx.state(), action.intent(), 1.0, Reply.of(ctx.say(OrderAccess.variant(ctx, shop, "shop.order_format")))));
            }
            return Optional.empty();
        }
        if ("proof".equals(step) && !HAN.matcher(text).find() && text.length() <= 128) {
            return Optional.of(prove(ctx, action, ctx.state().slot(OrderAccess.ORDER), text));
        }
        return Optional.empty();
    }

    /**
     * Another order named while this flow waits: "取消K…" is a cancellation of that order even when the flow
     * was a look-up; a bare number continues the flow's own action.
     */
    private Optional<Outcome> named(TurnContext ctx, OrderAction action, String orderNo, String text) {
        String rest = text.replaceAll("(?i)" + Pattern.quote(orderNo), "").replaceAll("[\\p{P}\\p{S}\\s]", "");
        if (rest.length() < 2) {
            return Optional.of(access.proceed(ctx, action, orderNo));
        }
        Intent asked = classifier.classify(ctx).intent();
        if (asked == Intent.HUMAN_HANDOFF) {
            return Optional.empty();
        }
        OrderAction chosen = actions.values().stream().filter(a -> a.intent() == asked && asked != Intent.ORDER_STATUS)
                .findFirst().orElse(action);
        return Optional.of(access.proceed(ctx, chosen, orderNo));
    }

    /** Answers in the language the flow started in unless the buyer now writes Chinese. */
    private static TurnContext inFlowLanguage(TurnContext ctx) {
        String saved = ctx.state().slot(OrderAccess.LANG);
        if (saved == null || HAN.matcher(ctx.turn().trimmedText()).find()) {
            return ctx;
        }
        Lang lang = Lang.valueOf(saved);
        return new TurnContext(ctx.turn(), ctx.state().withLang(lang), lang, ctx.now(), ctx.texts());
    }

    private Outcome prove(TurnContext ctx, OrderAction action, String orderNo, String proof) {
        Verification v;
        try {
            v = shop.verify(OrderAccess.chatUser(ctx), orderNo, proof);
        } catch (ShopUnavailableException e) {
            return access.unavailable(ctx, action);
        }
        return switch (v.result()) {
            case VERIFIED -> {
                var state = ShopFacts.add(ctx.state().endFlow(), ShopFacts.VERIFIED, v.order().orderNo());
                yield action.run(ctx.withState(state), v.order());
            }
            case NOT_FOUND -> Outcome.of(ctx.state(), action.intent(), 1.0,
                    Reply.of(ctx.say("shop.proof.not_found", Map.of("order", orderNo)), List.of(words.human(ctx))));
            case TOO_MANY_ATTEMPTS -> Outcome.of(ctx.state().endFlow(), action.intent(), 1.0,
                    Reply.of(ctx.say("shop.proof.locked", Map.of("time", words.time(v.retryAfter()))),
                            List.of(words.human(ctx))));
        };
    }
}
