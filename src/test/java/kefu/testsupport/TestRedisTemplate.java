package kefu.testsupport;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;

/** A Redis template on {@link RealRedis} for tests that build their parts by hand instead of through Spring. */
public final class TestRedisTemplate {

    private TestRedisTemplate() {
    }

    public static StringRedisTemplate create() {
        URI u = URI.create(RealRedis.url());
        JedisConnectionFactory factory = new JedisConnectionFactory(new RedisStandaloneConfiguration(u.getHost(), u.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        StringRedisTemplate template = new StringRedisTemplate(factory);
        template.afterPropertiesSet();
        return template;
    }
}
