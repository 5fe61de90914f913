package kefu.shop.sandbox;

import kefu.shop.OrderStatus;

import java.time.Instant;

/** An order as the sandbox keeps it in Redis: absolute times, and the proofs the API never reveals. */
record StoredOrder(String orderNo, String account, String product, String category, String deliveryType,
                   String amount, String rechargeTarget, String contact, String queryPassword, OrderStatus status,
                   String rawStatus, Instant paidAt, Instant deliveredAt, String redeemCode, boolean used,
                   Instant expiresAt) {

    StoredOrder withStatus(OrderStatus next, String raw) {
        return new StoredOrder(orderNo, account, product, category, deliveryType, amount, rechargeTarget, contact,
                queryPassword, next, raw, paidAt, deliveredAt, redeemCode, used, expiresAt);
    }
}
