package kefu.conversation.orders;

import kefu.conversation.Classification;
import kefu.conversation.ConversationState;
import kefu.conversation.DialogueContext;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.events.ConversationEvent.OrderUrged;
import kefu.conversation.events.ConversationEvents;
import kefu.shop.OrderRules;
import kefu.shop.RequestSigner;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopUnavailableException;
import kefu.shop.UrgeResult;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 催单: asks the shop to hurry an order that is paid or processing and past its category's threshold; says when
 * an urge becomes possible otherwise. An accepted urge is recorded in {@code shop.urges} for staff.
 */
final class UrgeHandler implements IntentHandler, OrderAction {

    private final OrderAccess access;
    private final ShopGateway shop;
    private final OrderWords words;
    private final OrderRules rules;
    private final ConversationEvents events;

    UrgeHandler(OrderAccess access, ShopGateway shop, OrderWords words, OrderRules rules, ConversationEvents events) {
        this.events = events;
        this.access = access;
        this.shop = shop;
        this.words = words;
        this.rules = rules;
    }

    @Override
    public Intent intent() {
        return Intent.URGE_ORDER;
    }

    @Override
    public String name() {
        return "urge";
    }

    @Override
    public Outcome handle(TurnContext ctx, Classification c) {
        return access.start(ctx, c, this);
    }

    @Override
    public Outcome run(TurnContext ctx, ShopOrder o) {
        Map<String, Object> vars = words.vars(ctx, o);
        if (!o.status().awaitsDelivery()) {
            vars.put("status", ctx.say("shop.status." + o.status().wireName(), vars));
            return reply(ctx, ctx.say("shop.urge.not_urgeable", vars));
        }
        // One key per buyer turn: the adapter's retry of this request never counts as a second urge,
        // while the buyer urging again later is a new request the shop judges by the gap.
        String turnId = ctx.turn().messageId() != null ? ctx.turn().messageId() : UUID.randomUUID().toString();
        String key = RequestSigner.sha256Hex("urge\n" + OrderAccess.chatUser(ctx) + "\n" + o.orderNo() + "\n" + turnId);
        UrgeResult r;
        try {
            r = shop.urge(o.orderNo(), OrderAccess.chatUser(ctx), key);
        } catch (ShopUnavailableException e) {
            return access.unavailable(ctx, this);
        }
        vars.put("minutes", rules.category(o.category()).urgeAfterMinutes());
        vars.put("gap", rules.category(o.category()).urgeGapMinutes());
        vars.put("next", words.time(r.nextAllowedAt()));
        if (r.accepted()) {
            vars.put("handled", words.time(r.expectedBy()));
            events.publish(new OrderUrged(ctx.turn().key(), ctx.now(), o.orderNo()));
            var urged = OrderAccess.focus(ShopFacts.add(ctx.state(), ShopFacts.URGES, o.orderNo()), o,
                    DialogueContext.Why.URGED, ctx.now(), r.expectedBy());
            return Outcome.of(urged, Intent.URGE_ORDER, 1.0, Reply.of(ctx.say("shop.urge.accepted", vars)));
        }
        String refusalKey = switch (r.reason()) {
            case "too_early" -> "shop.urge.too_early";
            case "too_soon" -> "shop.urge.too_soon";
            default -> "shop.urge.not_urgeable";
        };
        vars.put("status", ctx.say("shop.status." + o.status().wireName(), vars));
        Outcome out = reply(ctx, ctx.say(refusalKey, vars));
        // Urged a moment ago (by this buyer or another way): the order is being hurried, and its card says so.
        ConversationState s = "too_soon".equals(r.reason())
                ? ShopFacts.add(ctx.state(), ShopFacts.URGES, o.orderNo()) : ctx.state();
        // What "那我等多久" next is answered with: the time staff promised, else the time an urge becomes possible.
        if (r.expectedBy() != null && "too_soon".equals(r.reason())) {
            return out.withState(OrderAccess.focus(s, o, DialogueContext.Why.URGED, ctx.now(), r.expectedBy()));
        }
        if (r.nextAllowedAt() != null) {
            return out.withState(OrderAccess.focus(s, o, DialogueContext.Why.URGE_LATER, ctx.now(), r.nextAllowedAt()));
        }
        return s == ctx.state() ? out
                : out.withState(OrderAccess.focus(s, o, DialogueContext.Why.URGED, ctx.now(), null));
    }

    private Outcome reply(TurnContext ctx, String text) {
        return Outcome.of(ctx.state(), Intent.URGE_ORDER, 1.0, Reply.of(text, List.of(words.human(ctx))));
    }
}
