package kefu.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The bot's one Redis template: every command and script of every capability passes through
 * {@link #execute(RedisCallback, boolean, boolean)}, so a failure is counted here once as
 * {@code kefu_redis_errors_total{kind}} (connection, timeout, other) and then thrown on as before.
 */
public final class MeteredRedisTemplate extends StringRedisTemplate {

    private final Counter connection;
    private final Counter timeout;
    private final Counter other;

    public MeteredRedisTemplate(RedisConnectionFactory factory, MeterRegistry meters) {
        super(factory);
        this.connection = errors(meters, "connection");
        this.timeout = errors(meters, "timeout");
        this.other = errors(meters, "other");
    }

    private static Counter errors(MeterRegistry meters, String kind) {
        return Counter.builder("kefu.redis.errors").description("Redis commands that failed, by kind")
                .tag("kind", kind).register(meters);
    }

    @Override
    public <T> T execute(RedisCallback<T> action, boolean exposeConnection, boolean pipeline) {
        try {
            return super.execute(action, exposeConnection, pipeline);
        } catch (RedisConnectionFailureException e) {
            connection.increment();
            throw e;
        } catch (QueryTimeoutException e) {
            timeout.increment();
            throw e;
        } catch (DataAccessException e) {
            other.increment();
            throw e;
        }
    }
}
