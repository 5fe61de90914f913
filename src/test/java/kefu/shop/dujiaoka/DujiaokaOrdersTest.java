package kefu.shop.dujiaoka;

import kefu.shop.CircuitBreakingShopGateway;
import kefu.shop.GoodsCategories;
import kefu.shop.OrderRules;
import kefu.shop.OrderStatus;
import kefu.shop.ShopBreakerProperties;
import kefu.shop.ShopOrder;
import kefu.shop.ShopProperties;
import kefu.shop.ShopUnavailableException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.kept.KeptEvents;
import kefu.shop.kept.KeptProperties;
import kefu.shop.kept.KeptShop;
import kefu.testsupport.DujiaokaDatabase;
import kefu.testsupport.RealRedis;
import kefu.testsupport.TestRedisTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The dujiaoka adapter against a real MariaDB holding dujiaoka's own tables, read by a SELECT-only user. */
class DujiaokaOrdersTest {

    private static final ShopProperties.CategoryRule RULE = new ShopProperties.CategoryRule(10, 15, 30, 30, true, true);
    private static final OrderRules RULES = new OrderRules(new ShopProperties.Rules(Duration.ofMinutes(30), 24, 48,
            Map.of("mobile_topup", RULE, "video_vip", RULE, "default", RULE)));
    private static DujiaokaDatabase db;
    private static DujiaokaOrders orders;

    @BeforeAll
    static void database() {
        db = DujiaokaDatabase.create();
        db.goods(1, "中国移动话费 100元", 2);
        db.goods(2, "爱奇艺黄金会员月卡", 1);
        db.goods(3, "Steam 钱包卡", 1);
        orders = DujiaokaOrders.open(props(db.url(), db.user(), db.password()), RULES);
    }

    @AfterAll
    static void drop() {
        orders.close();
        db.close();
    }

    static DujiaokaProperties props(String url, String user, String password) {
        return new DujiaokaProperties(new DujiaokaProperties.Db(url, user, password, 2, Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new DujiaokaProperties.Dujiaoka(new GoodsCategories(List.of(
                        new GoodsCategories.Rule("mobile_topup", List.of(), List.of("话费")),
                        new GoodsCategories.Rule("video_vip", List.of(2L), List.of())), "default"), "", "127.0.0.1", 0));
    }

    static String sn() {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return b.toString();
    }

    @Test
    void everyStatusCodeMapsToTheBotsStatus() {
        Map<Integer, OrderStatus> expected = Map.of(1, OrderStatus.PENDING_PAYMENT, 2, OrderStatus.PAID,
                3, OrderStatus.PROCESSING, 4, OrderStatus.COMPLETED, 5, OrderStatus.FAILED, 6, OrderStatus.FAILED,
                -1, OrderStatus.CANCELLED);
        expected.forEach((code, status) -> {
            String no = sn();
            db.order(no, 3, "Steam 钱包卡", 1, code, "a@example.com", "", code == 4 ? "CARD-" + no : null,
                    Duration.ofMinutes(40), Duration.ofMinutes(5));
            ShopOrder o = orders.order(no, null).orElseThrow();
            assertThat(o.status()).as("dujiaoka status %d", code).isEqualTo(status);
            assertThat(o.rawStatus()).isEqualTo(DujiaokaStatus.of(code).raw());
        });
    }

    @Test
    void createdAtStandsInForThePaymentTimeAndUpdatedAtForDelivery() {
        String paid = sn();
        String done = sn();
        String unpaid = sn();
        db.order(paid, 1, "中国移动话费 100元", 2, 3, "a@example.com", "", "充值号码: 13800001111", Duration.ofMinutes(40), Duration.ofMinutes(1));
        db.order(done, 2, "爱奇艺黄金会员月卡", 1, 4, "a@example.com", "", "CARD-X", Duration.ofMinutes(50), Duration.ofMinutes(45));
        db.order(unpaid, 2, "爱奇艺黄金会员月卡", 1, 1, "a@example.com", "", null, Duration.ofMinutes(2), Duration.ofMinutes(2));

        ShopOrder p = orders.order(paid, null).orElseThrow();
        ShopOrder d = orders.order(done, null).orElseThrow();

        assertThat(p.paidAt()).isCloseTo(Instant.now().minus(Duration.ofMinutes(40)), within(Duration.ofSeconds(5)));
        assertThat(p.expectedBy()).isEqualTo(p.paidAt().plus(Duration.ofMinutes(10)));
        assertThat(d.deliveredAt()).isCloseTo(Instant.now().minus(Duration.ofMinutes(45)), within(Duration.ofSeconds(5)));
        assertThat(orders.order(unpaid, null).orElseThrow().paidAt()).isNull();
    }

    @Test
    void goodsMapToCategoriesByIdOrNameKeywordElseTheDefault() {
        String topup = sn();
        String vip = sn();
        String other = sn();
        db.order(topup, 1, "中国移动话费 100元", 2, 2, "a@example.com", "", null, Duration.ofMinutes(1), Duration.ofMinutes(1));
        db.order(vip, 2, "会员", 1, 2, "a@example.com", "", null, Duration.ofMinutes(1), Duration.ofMinutes(1));
        db.order(other, 3, "Steam 钱包卡", 1, 2, "a@example.com", "", null, Duration.ofMinutes(1), Duration.ofMinutes(1));

        assertThat(orders.order(topup, null).orElseThrow().category()).isEqualTo("mobile_topup");
        assertThat(orders.order(vip, null).orElseThrow().category()).isEqualTo("video_vip");
        assertThat(orders.order(other, null).orElseThrow().category()).isEqualTo("default");
    }

    @Test
    void theOrdersEmailOrQueryPasswordProvesOwnershipAndNothingElseDoes() {
        String no = sn();
        db.order(no, 2, "爱奇艺黄金会员月卡", 1, 4, "Buyer@Example.com", "s3cret", "CARD-1", Duration.ofHours(1), Duration.ofMinutes(50));

        assertThat(orders.prove(no, "buyer@example.com")).isPresent();
        assertThat(orders.prove(no, "s3cret")).isPresent();
        assertThat(orders.prove(no, "S3CRET")).isEmpty();
        assertThat(orders.prove(no, "other@example.com")).isEmpty();
        assertThat(orders.prove(no, "")).isEmpty();
        assertThat(orders.prove(sn(), "buyer@example.com")).isEmpty();
    }

    @Test
    void cardSecretsAreTheInfoOfACompletedAutomaticOrderAndManualInfoIsTheBuyersInput() {
        String auto = sn();
        String manual = sn();
        String waiting = sn();
        db.order(auto, 2, "爱奇艺黄金会员月卡", 1, 4, "a@example.com", "", "KAMI-123 PWD-456", Duration.ofHours(1), Duration.ofMinutes(59));
        db.order(manual, 1, "中国移动话费 100元", 2, 3, "a@example.com", "", "充值号码: 13800001111", Duration.ofHours(1), Duration.ofMinutes(59));
        db.order(waiting, 2, "爱奇艺黄金会员月卡", 1, 2, "a@example.com", "", null, Duration.ofHours(1), Duration.ofMinutes(59));

        assertThat(orders.order(auto, null).orElseThrow().redeemCode()).isEqualTo("KAMI-123 PWD-456");
        assertThat(orders.order(manual, null).orElseThrow().redeemCode()).isNull();
        assertThat(orders.order(manual, null).orElseThrow().rechargeTarget()).isEqualTo("充值号码: 13800001111");
        assertThat(orders.order(manual, null).orElseThrow().deliveryType()).isEqualTo("manual");
        assertThat(orders.order(waiting, null).orElseThrow().redeemCode()).isNull();
    }

    @Test
    void softDeletedOrdersAreNotThere() {
        String no = sn();
        db.order(no, 2, "爱奇艺黄金会员月卡", 1, 4, "a@example.com", "", "X", Duration.ofHours(1), Duration.ofMinutes(59));
        db.softDelete(no);

        assertThat(orders.order(no, null)).isEmpty();
    }

    @Test
    void aDatabaseThatDoesNotAnswerOpensTheBreaker() {
        // A port nothing listens on: every call fails at once, the breaker then stops calling.
        DujiaokaOrders closed = DujiaokaOrders.open(props("jdbc:mariadb://127.0.0.1:1/dujiaoka", "nobody", "x"), RULES);
        try {
            var shop = new CircuitBreakingShopGateway(new KeptShop("dujiaoka", closed, TestRedisTemplate.create(), RealRedis.freshPrefix(), new ObjectMapper().findAndRegisterModules(), RULES,
                    new KeptProperties(Duration.ofDays(1), Duration.ofHours(1), 5, 10, 1 << 20), () -> KeptEvents.NONE, Clock.systemUTC()),
                    new ShopBreakerProperties(2, Duration.ofMinutes(1)), Clock.systemUTC());
            assertThatThrownBy(() -> shop.order("ABCDEFGHIJ123456")).isInstanceOf(ShopUnavailableException.class);
            assertThatThrownBy(() -> shop.order("ABCDEFGHIJ123456")).isInstanceOf(ShopUnavailableException.class);
            long start = System.nanoTime();
            assertThatThrownBy(() -> shop.order("ABCDEFGHIJ123456")).isInstanceOf(ShopUnavailableException.class)
                    .hasMessageContaining("not calling it again");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
        } finally {
            closed.close();
        }
    }

    @Test
    void aWrongPasswordStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> DujiaokaOrders.open(props(db.url(), db.user(), "wrong"), RULES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kefu.shop.db.password");
    }
}
