package kefu.conversation.orders;

import kefu.conversation.Classification;
import kefu.conversation.ConversationState;
import kefu.conversation.FlowHandler;
import kefu.conversation.Intent;
import kefu.conversation.Keywords;
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
    private final Keywords keywords;

    OrderFlow(ShopGateway shop, OrderAccess access, Binding binding, OrderNumbers entities, OrderWords words,
              List<OrderAction> actions, IntentClassifier classifier, Keywords keywords) {
        this.classifier = classifier;
        this.keywords = keywords;
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
        if (Keywords.in(keywords.continueForm(), text)) {
            // "继续" after a side question: ask again for what the step waits for.
            if ("proof".equals(step)) {
                return Optional.of(access.askForProof(ctx, action, ctx.state().slot(OrderAccess.ORDER)));
            }
            if ("order".equals(step)) {
                return Optional.of(access.askForOrder(ctx, action));
            }
        }
        if ("order".equals(step)) {
            if (LOOKS_LIKE_NUMBER.matcher(text).find() && !HAN.matcher(text).find()) {
                return Optional.of(Outcome.of(ctx.state(), action.intent(), 1.0, Reply.of(ctx.say(OrderAccess.variant(ctx, shop, "shop.order_format")))));
            }
            return Optional.empty();
        }
        if ("proof".equals(step) && !text.startsWith("/") && text.length() <= 128) {
            // "尾号5678", "手机 13812345678", "邮箱是 a@b.cn": the proof inside words; bare text is the proof itself.
            Optional<String> proof = HAN.matcher(text).find() ? entities.proof(text) : Optional.of(text);
            if (proof.isPresent()) {
                return Optional.of(access.prove(ctx, action, ctx.state().slot(OrderAccess.ORDER), proof.get(), more(ctx)));
            }
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
        Classification c = classifier.classify(ctx);
        Intent asked = c.intent();
        if (asked == Intent.HUMAN_HANDOFF) {
            return Optional.empty();
        }
        OrderAction chosen = actions.values().stream().filter(a -> a.intent() == asked && asked != Intent.ORDER_STATUS)
                .findFirst().orElse(action);
        return Optional.of(access.proceed(ctx, chosen, orderNo, c.entity(OrderNumbers.PROOF), List.of()));
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

    private static List<String> more(TurnContext ctx) {
        String more = ctx.state().slot(OrderAccess.MORE);
        return more == null || more.isBlank() ? List.of() : List.of(more.split(","));
    }
}
