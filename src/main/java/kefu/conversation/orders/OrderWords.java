package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.Intent;
import kefu.conversation.TurnContext;
import kefu.shop.ShopOrder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** Shared wording helpers: masked recharge targets, times in the shop's zone, category names, common buttons. */
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
        v.put("target", mask(o.rechargeTarget()));
        v.put("category", category(ctx, o.category()));
        v.put("amount", o.amount() == null ? "-" : o.amount());
        v.put("expected", time(o.expectedBy()));
        return v;
    }

    Button human(TurnContext ctx) {
        return Button.of(ctx.label("button.human"), "intent", Intent.HUMAN_HANDOFF.wireName());
    }

    Button pick(TurnContext ctx, String labelKey, String action, String orderNo) {
        return Button.of(ctx.label(labelKey), "pick", action + ":" + orderNo);
    }

    /** 13812345678 → 138****5678; alice@example.com → a***@example.com; anything else keeps 2+2 characters. */
    static String mask(String target) {
        if (target == null || target.isBlank()) {
            return "-";
        }
        String t = target.strip();
        if (t.matches("1\\d{10}")) {
            return t.substring(0, 3) + "****" + t.substring(7);
        }
        int at = t.indexOf('@');
        if (at > 0) {
            return t.charAt(0) + "***" + t.substring(at);
        }
        if (t.length() <= 4) {
            return "****";
        }
        return t.substring(0, 2) + "****" + t.substring(t.length() - 2);
    }
}
