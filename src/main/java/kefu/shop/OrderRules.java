package kefu.shop;

import kefu.shop.ShopProperties.CategoryRule;

import java.time.Duration;
import java.time.Instant;

/**
 * The shop's business rules for urging, cancelling and after-sales, from {@code kefu.shop.rules}.
 * The sandbox shop enforces them; the chat flows use them to explain a refusal before asking the shop.
 */
public final class OrderRules {

    private final ShopProperties.Rules rules;

    public OrderRules(ShopProperties.Rules rules) {
        this.rules = rules;
    }

    public CategoryRule category(String name) {
        return rules.category(name);
    }

    public Duration cancelWindow() {
        return rules.cancelWindow();
    }

    public int slaHoursMin() {
        return rules.slaHoursMin();
    }

    public int slaHoursMax() {
        return rules.slaHoursMax();
    }

    public Instant expectedBy(String category, Instant paidAt) {
        return paidAt == null ? null : paidAt.plus(Duration.ofMinutes(category(category).expectedMinutes()));
    }

    /** Why an urge is refused now ({@code not_urgeable}, {@code too_early}, {@code too_soon}), or null when allowed. */
    public Check urge(ShopOrder order, Instant lastUrge, Instant now) {
        if (!order.status().awaitsDelivery() || order.paidAt() == null) {
            return Check.refused("not_urgeable", null);
        }
        CategoryRule rule = category(order.category());
        Instant earliest = order.paidAt().plus(Duration.ofMinutes(rule.urgeAfterMinutes()));
        if (now.isBefore(earliest)) {
            return Check.refused("too_early", earliest);
        }
        if (lastUrge != null) {
            Instant next = lastUrge.plus(Duration.ofMinutes(rule.urgeGapMinutes()));
            if (now.isBefore(next)) {
                return Check.refused("too_soon", next);
            }
        }
        return Check.OK;
    }

    /** Cancelling is allowed only before delivery and within the window after payment. */
    public Check cancel(ShopOrder order, Instant now) {
        return switch (order.status()) {
            case PENDING_PAYMENT -> Check.OK;
            case PAID, PROCESSING -> {
                if (order.paidAt() == null) {
                    yield Check.OK;
                }
                Instant deadline = order.paidAt().plus(rules.cancelWindow());
                yield now.isBefore(deadline) ? Check.OK : Check.refused("window_passed", deadline);
            }
            case DELIVERED, AWAITING_CLAIM, COMPLETED -> Check.refused("delivered", null);
            default -> Check.refused("status", null);
        };
    }

    /**
     * As {@link #afterSales(ShopOrder, Instant)} for a request with a reason: an item the buyer says never arrived
     * ({@code not_received}) and that was never used is not refused for having expired since — the expiry rule is
     * about goods the buyer had, and non-delivery is the shop's to check.
     */
    public Check afterSales(ShopOrder order, Instant now, String reason) {
        Check check = afterSales(order, now);
        return "expired".equals(check.reason()) && "not_received".equals(reason) && !order.used() ? Check.OK : check;
    }

    /** Whether an after-sales request may be filed: {@code status}, {@code used} or {@code expired} when not. */
    public Check afterSales(ShopOrder order, Instant now) {
        switch (order.status()) {
            case PENDING_PAYMENT, CANCELLED, REFUNDED -> {
                return Check.refused("status", null);
            }
            default -> {
            }
        }
        CategoryRule rule = category(order.category());
        if (order.used() && !rule.afterSalesWhenUsed()) {
            return Check.refused("used", null);
        }
        if (order.expiresAt() != null && !now.isBefore(order.expiresAt()) && !rule.afterSalesWhenExpired()) {
            return Check.refused("expired", order.expiresAt());
        }
        return Check.OK;
    }

    /** A rule's verdict: {@code reason} null means allowed; {@code at} is the relevant time, if any. */
    public record Check(String reason, Instant at) {

        static final Check OK = new Check(null, null);

        static Check refused(String reason, Instant at) {
            return new Check(reason, at);
        }

        public boolean allowed() {
            return reason == null;
        }
    }
}
