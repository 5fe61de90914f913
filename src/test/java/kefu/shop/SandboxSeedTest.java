package kefu.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.sandbox.SandboxData;
import kefu.shop.sandbox.SandboxSeedFile;
import kefu.shop.sandbox.SandboxShop;
import kefu.testsupport.AppTest;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSeedTest extends AppTest {

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;
    @Autowired
    ShopProperties props;

    private final SandboxData seed = new SandboxSeedFile(new ObjectMapper()).read(Path.of("bot/sandbox-shop.json"));

    @Test
    void theShippedSeedCoversEveryStatusAndCategory() {
        Set<String> statuses = seed.orders().stream().map(SandboxData.Order::status).collect(Collectors.toSet());
        Set<String> categories = seed.orders().stream().map(SandboxData.Order::category).collect(Collectors.toSet());

        assertThat(seed.orders()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(statuses).containsAll(Arrays.stream(OrderStatus.values()).map(OrderStatus::wireName).toList());
        assertThat(categories).contains("mobile_topup", "data_pack", "video_vip", "game_card", "game_item", "software_key");
        assertThat(seed.accounts()).allMatch(a -> a.bindCode() != null);
    }

    @Test
    void seedingAgainKeepsWhatChangedSinceUnlessForced() {
        SandboxShop shop = new SandboxShop(redis, RealRedis.freshPrefix(), json, new OrderRules(props.rules()),
                props.sandbox(), clock);
        String pending = seed.orders().stream().filter(o -> o.status().equals("pending_payment")).findFirst()
                .orElseThrow().orderNo();

        boolean first = shop.seed(seed, false);
        shop.cancel(pending);
        boolean second = shop.seed(seed, false);
        SandboxShop.Answer kept = shop.order(pending);
        shop.seed(seed, true);
        SandboxShop.Answer reset = shop.order(pending);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(((ShopOrder) kept.body()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(((ShopOrder) reset.body()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void anotherSeedFileReplacesTheDataSeededBefore() {
        SandboxShop shop = new SandboxShop(redis, RealRedis.freshPrefix(), json, new OrderRules(props.rules()),
                props.sandbox(), clock);
        String only = SandboxFixtures.orderNo();
        SandboxData other = SandboxFixtures.orders(SandboxFixtures.order(only, null, "mobile_topup", "paid", 5));
        String shipped = seed.orders().get(0).orderNo();

        shop.seed(seed, false);
        boolean loaded = shop.seed(other, false);

        assertThat(loaded).as("a file with other content is loaded, not ignored").isTrue();
        assertThat(shop.order(only).status()).isEqualTo(200);
        assertThat(shop.order(shipped).status()).as("the earlier seed's orders are gone").isEqualTo(404);
    }
}
