package kefu.shop.dujiaoka;

import kefu.shop.OrderStatus;

/**
 * dujiaoka's {@code orders.status} codes ({@code app/Models/Order.php}) and what they mean to the bot.
 * There is no code for refunded or after-sales: dujiaoka has neither.
 */
public enum DujiaokaStatus {
    WAIT_PAY(1, "wait_pay", OrderStatus.PENDING_PAYMENT),
    PENDING(2, "pending", OrderStatus.PAID),
    PROCESSING(3, "processing", OrderStatus.PROCESSING),
    COMPLETED(4, "completed", OrderStatus.COMPLETED),
    FAILURE(5, "failure", OrderStatus.FAILED),
    ABNORMAL(6, "abnormal", OrderStatus.FAILED),
    EXPIRED(-1, "expired", OrderStatus.CANCELLED);

    private final int code;
    private final String raw;
    private final OrderStatus status;

    DujiaokaStatus(int code, String raw, OrderStatus status) {
        this.code = code;
        this.raw = raw;
        this.status = status;
    }

    public int code() {
        return code;
    }

    /** The shop's own name, kept as the order's raw status for staff. */
    public String raw() {
        return raw;
    }

    public OrderStatus status() {
        return status;
    }

    public static DujiaokaStatus of(int code) {
        for (DujiaokaStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown dujiaoka order status " + code);
    }
}
