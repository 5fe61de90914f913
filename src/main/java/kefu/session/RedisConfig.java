package kefu.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kefu.conversation.ConversationStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.clients.jedis.JedisPoolConfig;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** Wires Redis: the configured server, or an embedded one when none is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RedisProperties.class, SessionProperties.class})
public class RedisConfig {

    @Bean(destroyMethod = "close")
    RedisEndpoint redisEndpoint(RedisProperties props) {
        return RedisEndpoint.of(props);
    }

    @Bean
    JedisConnectionFactory redisConnectionFactory(RedisProperties props, RedisEndpoint endpoint) {
        JedisPoolConfig pool = new JedisPoolConfig();
        pool.setMaxTotal(props.poolSize());
        pool.setMaxIdle(props.poolSize());
        pool.setMinIdle(2);
        var client = JedisClientConfiguration.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2));
        if (props.cluster().configured()) {
            RedisClusterConfiguration cluster = new RedisClusterConfiguration(props.cluster().nodes());
            cluster.setMaxRedirects(props.cluster().maxRedirects());
            password(props).ifPresent(cluster::setPassword);
            return new JedisConnectionFactory(cluster, client.usePooling().poolConfig(pool).build());
        }
        if (props.sentinel().configured()) {
            // Jedis asks the Sentinels for the master and follows +switch-master to the promoted replica.
            RedisSentinelConfiguration sentinel = new RedisSentinelConfiguration(props.sentinel().master(),
                    new java.util.LinkedHashSet<>(props.sentinel().nodes()));
            password(props).ifPresent(sentinel::setPassword);
            String sentinelPassword = props.sentinel().password();
            if (sentinelPassword != null && !sentinelPassword.isBlank()) {
                sentinel.setSentinelPassword(RedisPassword.of(sentinelPassword));
            }
            return new JedisConnectionFactory(sentinel, client.usePooling().poolConfig(pool).build());
        }
        URI uri = URI.create(endpoint.url());
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("kefu.redis.url must look like redis://host:port/db, got scheme "
                    + uri.getScheme());
        }
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(),
                uri.getPort() > 0 ? uri.getPort() : 6379);
        if (uri.getUserInfo() != null) {
            String[] userInfo = uri.getUserInfo().split(":", 2);
            if (!userInfo[0].isEmpty()) {
                server.setUsername(userInfo[0]);
            }
            if (userInfo.length > 1) {
                server.setPassword(RedisPassword.of(userInfo[1]));
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            server.setDatabase(Integer.parseInt(path.substring(1)));
        }
        if ("rediss".equals(uri.getScheme())) {
            client.useSsl();
        }
        return new JedisConnectionFactory(server, client.usePooling().poolConfig(pool).build());
    }

    private static java.util.Optional<RedisPassword> password(RedisProperties props) {
        return props.password() == null || props.password().isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(RedisPassword.of(props.password()));
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(JedisConnectionFactory factory, ObjectProvider<MeterRegistry> meters) {
        return new MeteredRedisTemplate(factory, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    RedisKeys redisKeys(RedisProperties props) {
        return new RedisKeys(props.keyPrefix());
    }

    @Bean
    BanList banList(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
        BanList bans = new BanList(redis, keys, clock);
        try {
            bans.migrateLegacySet();
        } catch (RuntimeException e) {
            // Redis down at start-up: the bot still starts; the move is tried again at the next start.
            org.slf4j.LoggerFactory.getLogger(RedisConfig.class).warn("bans not moved to per-buyer flags yet: {}",
                    e.getMessage());
        }
        return bans;
    }

    @Bean
    BuyerGate buyerGate(StringRedisTemplate redis, RedisKeys keys, SessionProperties settings) {
        return new BuyerGate(redis, keys, settings);
    }

    @Bean
    ConversationStore conversationStore(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json,
                                        SessionProperties settings) {
        return new RedisConversationStore(redis, keys, new StateCodec(json), settings);
    }
}
