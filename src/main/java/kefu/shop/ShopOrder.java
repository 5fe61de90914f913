package kefu.shop;

import java.time.Instant;

/**
 * An order as the shop reports it. {@code expectedBy} is when the category's delivery time runs out;
 * {@code openTicket} is the after-sales ticket still open for it, if any. {@code redeemCode} is a secret.
 */
public record ShopOrder(String orderNo, String account, String product, String category, String deliveryType,
                        String amount, String rechargeTarget, OrderStatus status, String rawStatus,
                        Instant paidAt, Instant deliveredAt, Instant expectedBy, String redeemCode, boolean used,
                        Instant expiresAt, String openTicket) {
}
