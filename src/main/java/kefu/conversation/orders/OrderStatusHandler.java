package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.Classification;
import kefu.conversation.DialogueContext;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.events.ConversationEvent.OrderLookedUp;
import kefu.conversation.events.ConversationEvents;
import kefu.shop.OrderRules;
import kefu.shop.OrderStatus;
import kefu.shop.ShopOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "查订单" and {@code /bind CODE}: shows an order the buyer owns — product, masked recharge target, the status
 * in plain words with its next step — and the redemption code only in a private chat.
 */
final class OrderStatusHandler implements IntentHandler, OrderAction {

    private final OrderAccess access;
    private final Binding binding;
    private final OrderWords words;
    private final OrderRules rules;
    private final ConversationEvents events;

    OrderStatusHandler(OrderAccess access, Binding binding, OrderWords words, OrderRules rules,
                       ConversationEvents events) {
        this.events = events;
        this.access = access;
        this.binding = binding;
        this.words = words;
        this.rules = rules;
    }

    @Override
    public Intent intent() {
        return Intent.ORDER_STATUS;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public Outcome handle(TurnContext ctx, Classification c) {
        if ("bind".equals(c.entity("command"))) {
            String code = c.entity("argument");
            return code == null || code.isBlank() ? binding.askCode(ctx) : binding.bind(ctx, code);
        }
        if ("unbind".equals(c.entity("command"))) {
            return binding.unbind(ctx);
        }
        var focus = ctx.state().dialogue().focusAt(ctx.now());
        // "那我等多久" right after an urge: the time staff promised, not the article about waiting.
        // After an urge refused as too early: when urging becomes possible.
        if ("when".equals(c.entity(FOLLOW_UP)) && focus.isPresent() && focus.get().until() != null) {
            String key = focus.get().why() == DialogueContext.Why.URGE_LATER
                    ? "shop.followup.urge_from" : "shop.followup.urged_until";
            return Outcome.of(ctx.state(), Intent.ORDER_STATUS, 1.0, Reply.of(ctx.say(key,
                    Map.of("order", focus.get().orderNo(), "until", words.time(focus.get().until()))),
                    List.of(words.human(ctx))));
        }
        Outcome out = access.start(ctx, c, this);
        // "我已经付款了" after an unpaid card: what to do when the payment has not reached the order.
        if ("paid".equals(c.entity(FOLLOW_UP)) && out.state() != null
                && out.state().dialogue().focusAt(ctx.now()).filter(f -> "pending_payment".equals(f.status())).isPresent()) {
            List<Reply> replies = new ArrayList<>();
            replies.add(Reply.of(ctx.say("shop.followup.paid_pending"), List.of(words.human(ctx))));
            replies.addAll(out.replies());
            return new Outcome(replies, out.state(), out.intent(), out.confidence(), out.sources(), out.handoff());
        }
        return out;
    }

    /** The recogniser's entity for a follow-up about the order in focus. */
    private static final String FOLLOW_UP = "follow_up";

    @Override
    public Outcome run(TurnContext ctx, ShopOrder o) {
        events.publish(new OrderLookedUp(ctx.turn().key(), ctx.now(), o.status().wireName()));
        Map<String, Object> vars = words.vars(ctx, o);
        boolean late = o.status().awaitsDelivery() && o.expectedBy() != null && ctx.now().isAfter(o.expectedBy());
        // Urged already in this conversation: say so, and do not offer the urge again.
        boolean urged = late && ShopFacts.contains(ctx.state(), ShopFacts.URGES, o.orderNo());
        vars.put("status", ctx.say(statusKey(ctx, o, late, urged), vars));
        List<Button> buttons = new ArrayList<>();
        if (late && !urged) {
            buttons.add(words.pick(ctx, "shop.button.urge", "urge", o.orderNo()));
        }
        if (rules.cancel(o, ctx.now()).allowed() && o.status() != OrderStatus.PENDING_PAYMENT) {
            buttons.add(words.pick(ctx, "shop.button.cancel", "cancel", o.orderNo()));
        }
        if (o.openTicket() == null && rules.afterSales(o, ctx.now()).allowed()
                && o.status() != OrderStatus.PAID && o.status() != OrderStatus.PROCESSING) {
            buttons.add(words.pick(ctx, "shop.button.after_sales", "after_sales", o.orderNo()));
        }
        // Every status card ends with a next step; a failed top-up's text itself points to a person.
        if (buttons.isEmpty() || o.status() == OrderStatus.FAILED) {
            buttons.add(words.human(ctx));
        }
        Outcome out = Outcome.of(ctx.state(), Intent.ORDER_STATUS, 1.0, Reply.of(ctx.say("shop.order", vars), buttons));
        if (o.redeemCode() != null && !o.redeemCode().isBlank() && delivered(o.status())) {
            if (ctx.turn().isPrivate() && access.owns(ctx.state(), o)) {
                out = out.plus(new Reply(ctx.say("shop.code", Map.of("order", o.orderNo(), "code", o.redeemCode())),
                        List.of(), true));
            } else {
                out = out.plus(Reply.of(ctx.say("shop.code.private_only")));
            }
        }
        return out;
    }

    /** The status in plain words; a category may word a status its own way ({@code shop.status.delivered.software_key}). */
    private static String statusKey(TurnContext ctx, ShopOrder o, boolean late, boolean urged) {
        if (urged) {
            return "shop.status.urged";
        }
        if (late) {
            return "shop.status.late";
        }
        String general = "shop.status." + o.status().wireName();
        String own = general + "." + o.category();
        return ctx.texts().has(own) ? own : general;
    }

    private static boolean delivered(OrderStatus s) {
        return s == OrderStatus.DELIVERED || s == OrderStatus.AWAITING_CLAIM || s == OrderStatus.COMPLETED
                || s == OrderStatus.AFTER_SALES;
    }
}
