package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.Classification;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.shop.OrderRules;
import kefu.shop.ShopOrder;

import java.util.List;
import java.util.Map;

/**
 * 取消订单: inside the cancel window and before delivery, asks for an explicit confirmation that warns the order
 * cannot be restored; otherwise explains why not and offers after-sales or a person.
 */
final class CancelHandler implements IntentHandler, OrderAction {

    private final OrderAccess access;
    private final OrderWords words;
    private final OrderRules rules;

    CancelHandler(OrderAccess access, OrderWords words, OrderRules rules) {
        this.access = access;
        this.words = words;
        this.rules = rules;
    }

    @Override
    public Intent intent() {
        return Intent.CANCEL_ORDER;
    }

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public Outcome handle(TurnContext ctx, Classification c) {
        return access.start(ctx, c, this);
    }

    @Override
    public Outcome run(TurnContext ctx, ShopOrder o) {
        Map<String, Object> vars = words.vars(ctx, o);
        OrderRules.Check check = rules.cancel(o, ctx.now());
        if (check.allowed()) {
            return Outcome.of(ctx.state(), Intent.CANCEL_ORDER, 1.0, Reply.of(ctx.say("shop.cancel.confirm", vars),
                    List.of(CancelButtons.confirm(ctx.label("shop.button.cancel_confirm"), o.orderNo()),
                            CancelButtons.keep(ctx.label("shop.button.cancel_keep"), o.orderNo()))));
        }
        return refusal(ctx, o, check.reason(), check);
    }

    Outcome refusal(TurnContext ctx, ShopOrder o, String reason, OrderRules.Check check) {
        Map<String, Object> vars = words.vars(ctx, o);
        vars.put("window", rules.cancelWindow().toMinutes());
        vars.put("deadline", words.time(check == null ? null : check.at()));
        vars.put("status", ctx.say("shop.status." + o.status().wireName(), vars));
        String key = switch (reason) {
            case "delivered" -> "shop.cancel.delivered";
            case "window_passed" -> "shop.cancel.window_passed";
            default -> "shop.cancel.status";
        };
        return Outcome.of(ctx.state(), Intent.CANCEL_ORDER, 1.0, Reply.of(ctx.say(key, vars),
                List.of(words.pick(ctx, "shop.button.after_sales", "after_sales", o.orderNo()), words.human(ctx))));
    }
}
