package kefu.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.clients.jedis.JedisPoolConfig;

import java.net.URI;
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
        JedisPoolConfig pool = new JedisPoolConfig();
        pool.setMaxTotal(props.poolSize());
        pool.setMaxIdle(props.poolSize());
        pool.setMinIdle(2);
        var client = JedisClientConfiguration.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2));
        if ("rediss".equals(uri.getScheme())) {
            client.useSsl();
        }
        return new JedisConnectionFactory(server, client.usePooling().poolConfig(pool).build());
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(JedisConnectionFactory factory) {
        return new StringRedisTemplate(factory);
    }

    @Bean
    RedisKeys redisKeys(RedisProperties props) {
        return new RedisKeys(props.keyPrefix());
    }

    @Bean
    BanList banList(StringRedisTemplate redis, RedisKeys keys) {
        return new BanList(redis, keys);
    }

    @Bean
    ConversationStore conversationStore(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json,
                                        SessionProperties settings) {
        return new RedisConversationStore(redis, keys, new StateCodec(json), settings);
    }
}
