package kefu.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.sandbox.SandboxSeedFile;
import kefu.shop.sandbox.SandboxShop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;

/** Wires the shop port: the signed HTTP adapter, the sandbox shop (seeded once) and the {@code sandbox-shop} command. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ShopProperties.class, ShopBreakerProperties.class})
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
    ShopConnection shopConnection(ShopProperties props, SandboxShop shop, StringRedisTemplate redis,
                                  ObjectMapper json, Clock clock) {
        return ShopConnection.open(props, shop, redis, json, clock);
    }

    @Bean
    ShopGateway shopGateway(ShopConnection connection, ShopBreakerProperties breaker, Clock clock) {
        return new CircuitBreakingShopGateway(connection.gateway(), breaker, clock);
    }

    @Bean
    SandboxShopCommand sandboxShopCommand(SandboxShop shop, ShopProperties props, StringRedisTemplate redis,
                                          ObjectMapper json, Clock clock) {
        return new SandboxShopCommand(shop, props, redis, json, clock);
    }

    private static void seed(SandboxShop shop, ShopProperties props, ObjectMapper json) {
        var data = new SandboxSeedFile(json).read(props.sandbox().data());
        if (shop.seed(data, props.sandbox().reseed())) {
            log.info("Sandbox shop seeded from {}: {} accounts, {} orders", props.sandbox().data(),
                    data.accounts().size(), data.orders().size());
        }
    }
}
