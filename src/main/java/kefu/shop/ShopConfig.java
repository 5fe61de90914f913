package kefu.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kefu.shop.acgfaka.AcgFakaProperties;
import kefu.shop.dujiaoka.DujiaokaProperties;
import kefu.shop.dujiaonext.DujiaoNextProperties;
import kefu.shop.kept.KeptEvents;
import kefu.shop.kept.KeptProperties;
import kefu.shop.kept.KeptTicket;
import kefu.shop.sandbox.SandboxSeedFile;
import kefu.shop.sandbox.SandboxShop;
import kefu.shop.ShopOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import kefu.shop.notices.DeliveryWatches;
import kefu.shop.notices.DujiaokaHook;
import kefu.shop.notices.NoticeProperties;
import kefu.shop.notices.NoticeSwitch;
import kefu.shop.notices.WatchingShopGateway;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.List;

/**
 * Wires the shop port by {@code kefu.shop.kind}: the signed HTTP adapter, the sandbox shop (seeded from its file),
 * or a read-only shop (dujiaoka, acg-faka, Dujiao-Next) with the bot keeping urges and tickets; and the
 * {@code sandbox-shop} command.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ShopProperties.class, ShopBreakerProperties.class, DujiaokaProperties.class,
        AcgFakaProperties.class, DujiaoNextProperties.class, KeptProperties.class, NoticeProperties.class})
public class ShopConfig {

    private static final Logger log = LoggerFactory.getLogger(ShopConfig.class);

    @Bean
    OrderRules orderRules(ShopProperties props) {
        return new OrderRules(props.rules());
    }

    @Bean
    SandboxShop sandboxShop(StringRedisTemplate redis, @Value("${kefu.redis.key-prefix:kefu:}") String redisPrefix,
                            ObjectMapper json, OrderRules rules, ShopProperties props, Clock clock) {
        // Next to the bot's own keys unless the sandbox is given a prefix of its own.
        String prefix = props.sandbox().keyPrefix() == null || props.sandbox().keyPrefix().isBlank()
                ? redisPrefix + "sandbox-shop:" : props.sandbox().keyPrefix();
        SandboxShop shop = new SandboxShop(redis, prefix, json, rules, props.sandbox(), clock);
        if (props.inProcessSandbox() || props.sandbox().reseed()) {
            seed(shop, props, json);
        }
        return shop;
    }

    @Bean(destroyMethod = "close")
    ShopConnection shopConnection(ShopProperties props, DujiaokaProperties dujiaoka, AcgFakaProperties acgFaka,
                                  DujiaoNextProperties dujiaoNext, KeptProperties kept,
                                  @Value("${kefu.redis.key-prefix:kefu:}") String redisPrefix,
                                  ObjectProvider<KeptEvents> events, OrderRules rules, SandboxShop shop,
                                  StringRedisTemplate redis, ObjectMapper json, Clock clock) {
        // Listeners are looked up when something happens: they depend on beans that need the shop themselves.
        ShopConnection.Settings settings = new ShopConnection.Settings(props, dujiaoka, acgFaka, dujiaoNext, kept,
                redisPrefix + "shop-kept:", () -> fanOut(events.orderedStream().toList()));
        ShopConnection connection = ShopConnection.open(settings, rules, shop, redis, json, clock);
        log.info("Shop: {}{}", props.shopKind().setting(), connection.kept() != null
                ? " (urges, cancel requests and after-sales tickets kept by the bot)" : "");
        return connection;
    }

    @Bean
    DeliveryWatches deliveryWatches(StringRedisTemplate redis, @Value("${kefu.redis.key-prefix:kefu:}") String redisPrefix,
                                    NoticeProperties notices,
                                    Clock clock) {
        return new DeliveryWatches(redis, redisPrefix + "notices:", notices, clock);
    }

    /** The breaker, as its own bean for health and metrics (not a ShopGateway bean: one gateway is injected). */
    @Bean
    ShopBreaker shopBreaker(ShopConnection connection, ShopBreakerProperties breaker, Clock clock,
                            ObjectProvider<MeterRegistry> meters) {
        // Metered inside the breaker: the figures are of real calls; refusals show in the breaker's state.
        ShopGateway metered = MeteredShopGateway.wrap(connection.gateway(), meters.getIfAvailable(SimpleMeterRegistry::new));
        return new ShopBreaker(new CircuitBreakingShopGateway(metered, breaker, clock));
    }

    @Bean
    ShopGateway shopGateway(ShopBreaker breaker, DeliveryWatches watches) {
        return new WatchingShopGateway(breaker.gateway(), watches);
    }

    @Bean
    NoticeSwitch noticeSwitch(DeliveryWatches watches, kefu.conversation.Keywords keywords) {
        return new NoticeSwitch(watches, keywords);
    }

    /** dujiaoka's api_hook endpoint, when a hook secret is set: a paid order is checked at once instead of at the next poll. */
    @Bean(destroyMethod = "close")
    DujiaokaHook.Endpoint dujiaokaHook(ShopProperties props, DujiaokaProperties dujiaoka, DeliveryWatches watches,
                                       ObjectMapper json) throws IOException {
        if (props.shopKind() != ShopKind.DUJIAOKA || dujiaoka.dujiaoka().hookSecret().isBlank()) {
            return new DujiaokaHook.Endpoint(null);
        }
        return new DujiaokaHook.Endpoint(DujiaokaHook.start(dujiaoka.dujiaoka().hookBind(), dujiaoka.dujiaoka().hookPort(),
                dujiaoka.dujiaoka().hookSecret(), watches, json));
    }

    @Bean
    SandboxShopCommand sandboxShopCommand(SandboxShop shop, ShopProperties props, StringRedisTemplate redis,
                                          ObjectMapper json, Clock clock) {
        return new SandboxShopCommand(shop, props, redis, json, clock);
    }

    private static KeptEvents fanOut(List<KeptEvents> all) {
        return new KeptEvents() {
            @Override
            public void filed(KeptTicket ticket, ShopOrder order) {
                all.forEach(e -> e.filed(ticket, order));
            }

            @Override
            public void urged(ShopOrder order, String chatUser, int count) {
                all.forEach(e -> e.urged(order, chatUser, count));
            }

            @Override
            public void changed(KeptTicket ticket, String note) {
                all.forEach(e -> e.changed(ticket, note));
            }
        };
    }

    private static void seed(SandboxShop shop, ShopProperties props, ObjectMapper json) {
        var data = new SandboxSeedFile(json).read(props.sandbox().data());
        if (shop.seed(data, props.sandbox().reseed())) {
            log.info("Sandbox shop seeded from {}: {} accounts, {} orders", props.sandbox().data().toAbsolutePath(),
                    data.accounts().size(), data.orders().size());
        } else {
            log.info("Sandbox shop data as seeded before from the same content as {}", props.sandbox().data());
        }
    }
}
