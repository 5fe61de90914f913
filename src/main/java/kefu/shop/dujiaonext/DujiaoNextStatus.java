package kefu.shop.dujiaonext;

import kefu.shop.OrderStatus;

import java.util.Map;

/** Dujiao-Next's order statuses ({@code internal/constants/constants.go}) and what they mean to the bot. */
final class DujiaoNextStatus {

    static final Map<String, OrderStatus> MAP = Map.of(
            "pending_payment", OrderStatus.PENDING_PAYMENT,
            "paid", OrderStatus.PAID,
            "fulfilling", OrderStatus.PROCESSING,
            "partially_delivered", OrderStatus.PROCESSING,
            "delivered", OrderStatus.DELIVERED,
            "completed", OrderStatus.COMPLETED,
            "canceled", OrderStatus.CANCELLED,
            "refunded", OrderStatus.REFUNDED,
            "partially_refunded", OrderStatus.REFUNDED);

    private DujiaoNextStatus() {
    }

    /** An unknown status (a newer version's) reads as processing, so the buyer is not told something false. */
    static OrderStatus of(String status) {
        return MAP.getOrDefault(status, OrderStatus.PROCESSING);
    }
}
