package kefu.handoff;

import java.util.Map;

/** Used until the shop platform is connected: tells staff that order details are not available here. */
public final class ShopNotConnectedOrderLookup implements StaffOrderLookup {

    private final StaffTexts texts;

    public ShopNotConnectedOrderLookup(StaffTexts texts) {
        this.texts = texts;
    }

    @Override
    public String view(String orderNumber) {
        return texts.say("handoff.staff.order_unavailable", Map.of("order", orderNumber));
    }
}
