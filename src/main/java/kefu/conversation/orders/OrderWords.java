package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.Buttons;
import kefu.conversation.Intent;
import kefu.conversation.TurnContext;
import kefu.privacy.Masking;
import kefu.shop.ShopOrder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** Shared wording helpers: order facts with the recharge target masked, times in the shop's zone, category names, common buttons. */
final class OrderWords {

    private final DateTimeFormatter time;

    OrderWords(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone);
    }

    String time(Instant at) {
        return at == null ? "-" : time.format(at);
    }

    String category(TurnContext ctx, String category) {
        String key = "shop.category." + category;
        return ctx.texts().has(key) ? ctx.say(key) : category;
    }

    /** The order's facts a reply may show: number, product, masked target, category name. */
    Map<String, Object> vars(TurnContext ctx, ShopOrder o) {
        Map<String, Object> v = new HashMap<>();
        v.put("order", o.orderNo());
        v.put("product", o.product());
        v.put("target", Masking.target(o.rechargeTarget()));
        v.put("category", category(ctx, o.category()));
        v.put("amount", o.amount() == null ? "-" : o.amount());
        v.put("expected", time(o.expectedBy()));
        return v;
    }

    Button human(TurnContext ctx) {
        return Buttons.human(ctx);
    }

    Button pick(TurnContext ctx, String labelKey, String action, String orderNo) {
        return PickButtons.button(ctx.label(labelKey), action, orderNo);
    }
}
