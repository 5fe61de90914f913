package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.Classification;
import kefu.conversation.ConversationState;
import kefu.conversation.OrderNumbers;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopProperties;
import kefu.shop.ShopUnavailableException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gets an order action to the order: finds the order number (entity, text, or by asking), and makes sure the
 * buyer owns the order — bound to its account, or proved with contact digits, email or query password —
 * before the action sees anything about it.
 */
final class OrderAccess {

    static final String FLOW = "orders";
    static final String STEP = "step";
    static final String ACTION = "action";
    static final String ORDER = "order";
    /** The language the buyer used before the flow: an email, password or code typed as an answer says nothing about it. */
    static final String LANG = "lang";

    private final ShopGateway shop;
    private final OrderNumbers entities;
    private final OrderWords words;
    private final ShopProperties.Chat chat;

    OrderAccess(ShopGateway shop, OrderNumbers entities, OrderWords words, ShopProperties.Chat chat) {
        this.shop = shop;
        this.entities = entities;
        this.words = words;
        this.chat = chat;
    }

    /** Starts {@code action} for the order the buyer named, or asks which order they mean. */
    Outcome start(TurnContext ctx, Classification c, OrderAction action) {
        Optional<String> named = orderNumber(ctx, c);
        if (named.isPresent()) {
            return proceed(ctx, action, named.get());
        }
        return askForOrder(ctx, action);
    }

    Optional<String> orderNumber(TurnContext ctx, Classification c) {
        String entity = c == null ? null : c.entity(OrderNumbers.ENTITY);
        if (entity != null && !entity.isBlank()) {
            return Optional.of(entity.toUpperCase(java.util.Locale.ROOT));
        }
        return entities.orderNumber(ctx.turn().trimmedText());
    }

    /** Asks for the order number, offering a bound buyer their recent orders as buttons. */
    Outcome askForOrder(TurnContext ctx, OrderAction action) {
        ConversationState s = AfterSalesForm.park(ctx.state()).startFlow(FLOW).withSlot(STEP, "order").withSlot(ACTION, action.name())
                .withSlot(LANG, ctx.lang().name());
        String account = ctx.state().fact(ShopFacts.ACCOUNT);
        if (account != null) {
            try {
                List<ShopOrder> recent = shop.recentOrders(account, chat.recentOrders());
                if (!recent.isEmpty()) {
                    List<Button> buttons = new ArrayList<>();
                    for (ShopOrder o : recent) {
                        buttons.add(PickButtons.button(o.orderNo() + " " + o.product(), action.name(), o.orderNo()));
                    }
                    return Outcome.of(s, action.intent(), 1.0, Reply.of(ctx.say("shop.ask_order.bound"), buttons));
                }
            } catch (ShopUnavailableException e) {
                return unavailable(ctx, action);
            }
        }
        // Orders proved earlier in this conversation are offered too: "催单" right after a look-up means that order.
        List<String> proved = new ArrayList<>(ShopFacts.list(ctx.state(), ShopFacts.VERIFIED));
        Collections.reverse(proved);
        List<Button> buttons = new ArrayList<>();
        for (String orderNo : proved.subList(0, Math.min(proved.size(), chat.recentOrders()))) {
            buttons.add(PickButtons.button(orderNo, action.name(), orderNo));
        }
        if (account == null) {
            buttons.add(BindButtons.start(ctx.label("shop.button.bind")));
        }
        String text = proved.isEmpty() ? "shop.ask_order" : "shop.ask_order.bound";
        return Outcome.of(s, action.intent(), 1.0, Reply.of(ctx.say(text), buttons));
    }

    /** Runs {@code action} on {@code orderNo} if the buyer owns it; otherwise asks for a proof first. */
    Outcome proceed(TurnContext ctx, OrderAction action, String orderNo) {
        ConversationState s = ShopFacts.add(ctx.state(), ShopFacts.MENTIONED, orderNo);
        TurnContext c = ctx.withState(s.inFlow() && FLOW.equals(s.flow()) ? s.endFlow() : s);
        boolean verified = ShopFacts.contains(s, ShopFacts.VERIFIED, orderNo);
        String account = s.fact(ShopFacts.ACCOUNT);
        if (verified || account != null) {
            Optional<ShopOrder> order;
            try {
                order = shop.order(orderNo);
            } catch (ShopUnavailableException e) {
                return unavailable(c, action);
            }
            if (order.isPresent() && (verified || account.equals(order.get().account()))) {
                return action.run(c, order.get());
            }
        }
        ConversationState asking = AfterSalesForm.park(c.state()).startFlow(FLOW).withSlot(STEP, "proof").withSlot(ACTION, action.name())
                .withSlot(ORDER, orderNo).withSlot(LANG, ctx.lang().name());
        return Outcome.of(asking, action.intent(), 1.0, Reply.of(ctx.say(variant(ctx, shop, "shop.ask_proof"), Map.of("order", orderNo))));
    }

    /** True when the buyer proved or is bound to the order's account. */
    boolean owns(ConversationState state, ShopOrder order) {
        return ShopFacts.contains(state, ShopFacts.VERIFIED, order.orderNo())
                || (state.fact(ShopFacts.ACCOUNT) != null && state.fact(ShopFacts.ACCOUNT).equals(order.account()));
    }

    Outcome unavailable(TurnContext ctx, OrderAction action) {
        return Outcome.of(ctx.state(), action.intent(), 1.0, Reply.of(ctx.say("shop.unavailable"), List.of(words.human(ctx))));
    }

    /** The shop system's own wording of {@code key} ({@code key.dujiaoka}...) when the reply files have one. */
    static String variant(TurnContext ctx, ShopGateway shop, String key) {
        String v = shop.replyVariant();
        return v == null || v.isEmpty() || !ctx.texts().has(key + "." + v) ? key : key + "." + v;
    }

    static String chatUser(TurnContext ctx) {
        return ctx.turn().key().asString();
    }
}
