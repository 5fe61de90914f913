package kefu.handoff;

import kefu.privacy.Masking;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopUnavailableException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /order K...} for staff, from the shop: every field staff need to help, in the shop's time zone. The
 * recharge target (the buyer's phone or email) is shown whole, for staff who must check a top-up or write to the
 * buyer; the card and transcript keep it masked. A redemption code is never shown: the staff group is a group.
 */
public final class ShopOrderLookup implements StaffOrderLookup {

    private final ShopGateway shop;
    private final StaffTexts texts;
    private final DateTimeFormatter time;

    public ShopOrderLookup(ShopGateway shop, StaffTexts texts, ZoneId zone) {
        this.shop = shop;
        this.texts = texts;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    @Override
    public String view(String orderNumber) {
        try {
            return shop.order(orderNumber)
                    .map(this::describe)
                    .orElseGet(() -> texts.say("handoff.staff.order_not_found", Map.of("order", orderNumber)));
        } catch (ShopUnavailableException e) {
            return texts.say("handoff.staff.order_shop_down", Map.of("order", orderNumber));
        }
    }

    @Override
    public String line(String orderNumber) {
        try {
            return shop.order(orderNumber)
                    .map(o -> texts.say("handoff.staff.order_line", Map.of("order", o.orderNo(),
                            "product", o.product(), "category", category(o), "status", statusInWords(o))))
                    .orElseGet(() -> texts.say("handoff.staff.order_line_unknown", Map.of("order", orderNumber)));
        } catch (ShopUnavailableException e) {
            return texts.say("handoff.staff.order_line_unknown", Map.of("order", orderNumber));
        }
    }

    @Override
    public Optional<String> category(String orderNumber) {
        try {
            return shop.order(orderNumber).map(ShopOrder::category);
        } catch (ShopUnavailableException e) {
            return Optional.empty();
        }
    }

    /** The buyer-facing status's short form ("处理中"), not the shop's code. */
    private String statusInWords(ShopOrder o) {
        String key = "handoff.staff.status." + o.status().wireName();
        return texts.has(key) ? texts.say(key) : o.status().wireName();
    }

    private String category(ShopOrder o) {
        String key = "shop.category." + o.category();
        return o.category() != null && texts.has(key) ? texts.say(key) : String.valueOf(o.category());
    }

    private String describe(ShopOrder o) {
        Map<String, Object> v = new HashMap<>();
        v.put("order", o.orderNo());
        v.put("account", o.account() == null ? "-" : o.account());
        v.put("product", o.product());
        v.put("category", category(o));
        v.put("delivery", o.deliveryType() == null ? "-" : o.deliveryType());
        v.put("amount", o.amount() == null ? "-" : o.amount());
        v.put("target", o.rechargeTarget() == null || o.rechargeTarget().isBlank() ? "-" : o.rechargeTarget());
        v.put("status", statusInWords(o));
        v.put("raw", o.rawStatus() == null ? "-" : o.rawStatus());
        v.put("paid", at(o.paidAt()));
        v.put("delivered", at(o.deliveredAt()));
        v.put("expected", at(o.expectedBy()));
        v.put("expires", at(o.expiresAt()));
        v.put("code", o.redeemCode() == null ? "-" : texts.say("handoff.staff.order_code_hidden"));
        v.put("used", texts.say(o.used() ? "handoff.staff.yes" : "handoff.staff.no"));
        v.put("ticket", o.openTicket() == null ? "-" : o.openTicket());
        return texts.say("handoff.staff.order_view", v);
    }

    private String at(Instant instant) {
        return instant == null ? "-" : time.format(instant);
    }
}
