package kefu.shop;

import kefu.shop.ShopProperties.CategoryRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRulesTest {

    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private final OrderRules rules = new OrderRules(new ShopProperties.Rules(Duration.ofMinutes(30), 24, 48, Map.of(
            "mobile_topup", new CategoryRule(10, 15, 30, 30, true, true),
            "game_item", new CategoryRule(30, 30, 60, 60, false, false))));

    private ShopOrder order(String category, OrderStatus status, int paidMinutesAgo, boolean used, Instant expires) {
        return new ShopOrder("K2026112400001", null, "p", category, "auto", "1", "13812345678", status, status.wireName(),
                now.minus(Duration.ofMinutes(paidMinutesAgo)), null, null, null, used, expires, null);
    }

    @Test
    void aTopUpMayBeUrgedFromFifteenMinutesAfterPayment() {
        OrderRules.Check early = rules.urge(order("mobile_topup", OrderStatus.PROCESSING, 14, false, null), null, now);
        OrderRules.Check due = rules.urge(order("mobile_topup", OrderStatus.PROCESSING, 15, false, null), null, now);

        assertThat(early.reason()).isEqualTo("too_early");
        assertThat(early.at()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(due.allowed()).isTrue();
    }

    @Test
    void aSecondUrgeWaitsForTheGap() {
        ShopOrder o = order("mobile_topup", OrderStatus.PROCESSING, 60, false, null);

        OrderRules.Check soon = rules.urge(o, now.minus(Duration.ofMinutes(10)), now);

        assertThat(soon.reason()).isEqualTo("too_soon");
        assertThat(soon.at()).isEqualTo(now.plus(Duration.ofMinutes(20)));
    }

    @Test
    void deliveredOrdersCannotBeUrgedOrCancelled() {
        ShopOrder o = order("mobile_topup", OrderStatus.DELIVERED, 5, false, null);

        assertThat(rules.urge(o, null, now).reason()).isEqualTo("not_urgeable");
        assertThat(rules.cancel(o, now).reason()).isEqualTo("delivered");
    }

    @Test
    void cancellingIsAllowedOnlyInsideTheWindow() {
        assertThat(rules.cancel(order("mobile_topup", OrderStatus.PAID, 29, false, null), now).allowed()).isTrue();
        assertThat(rules.cancel(order("mobile_topup", OrderStatus.PROCESSING, 31, false, null), now).reason())
                .isEqualTo("window_passed");
    }

    @Test
    void usedOrExpiredGameItemsGetNoAfterSalesButTopUpsDo() {
        assertThat(rules.afterSales(order("game_item", OrderStatus.DELIVERED, 60, true, null), now).reason())
                .isEqualTo("used");
        assertThat(rules.afterSales(order("game_item", OrderStatus.DELIVERED, 60, false, now.minusSeconds(1)), now)
                .reason()).isEqualTo("expired");
        assertThat(rules.afterSales(order("mobile_topup", OrderStatus.DELIVERED, 60, true, null), now).allowed()).isTrue();
        assertThat(rules.afterSales(order("mobile_topup", OrderStatus.CANCELLED, 60, false, null), now).reason())
                .isEqualTo("status");
    }
}
