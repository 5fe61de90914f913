package kefu.bench;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;
import org.springframework.data.redis.core.RedisTemplate;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts Redis round trips. Every {@link RedisTemplate} bean gets a connection factory whose connections are
 * counting proxies: each command method called on a connection (or on one of its {@code *Commands} views)
 * is one request/response exchange with the server; in a pipeline only the final {@code closePipeline}
 * counts. Counts are kept in total and per thread, so a turn (which runs on one thread) can be measured alone.
 */
public final class RedisRoundTrips implements BeanPostProcessor {

    /** Methods that do not talk to the server. */
    private static final Set<String> LOCAL = Set.of("close", "isClosed", "getNativeConnection", "isQueueing",
            "isPipelined", "openPipeline", "getSentinelConnection", "toString", "hashCode", "equals");

    private final LongAdder total = new LongAdder();
    private final ThreadLocal<long[]> perThread = ThreadLocal.withInitial(() -> new long[1]);

    public long total() {
        return total.sum();
    }

    /** Round trips made so far by the calling thread. */
    public long onThisThread() {
        return perThread.get()[0];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RedisTemplate<?, ?> template && template.getConnectionFactory() != null
                && !(template.getConnectionFactory() instanceof CountingFactory)) {
            template.setConnectionFactory(new CountingFactory(template.getConnectionFactory()));
        }
        return bean;
    }

    private void count() {
        total.increment();
        perThread.get()[0]++;
    }

    private final class CountingFactory implements RedisConnectionFactory {

        private final RedisConnectionFactory target;

        CountingFactory(RedisConnectionFactory target) {
            this.target = target;
        }

        @Override
        public boolean getConvertPipelineAndTxResults() {
            return target.getConvertPipelineAndTxResults();
        }

        @Override
        public RedisConnection getConnection() {
            RedisConnection connection = target.getConnection();
            return (RedisConnection) Proxy.newProxyInstance(RedisConnection.class.getClassLoader(),
                    new Class<?>[] {RedisConnection.class}, new Counting(connection, connection));
        }

        @Override
        public RedisClusterConnection getClusterConnection() {
            return target.getClusterConnection();
        }

        @Override
        public RedisSentinelConnection getSentinelConnection() {
            return target.getSentinelConnection();
        }

        @Override
        public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
            return target.translateExceptionIfPossible(ex);
        }
    }

    private final class Counting implements InvocationHandler {

        private final Object target;
        private final RedisConnection connection;

        Counting(Object target, RedisConnection connection) {
            this.target = target;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Class<?> returns = method.getReturnType();
            boolean view = returns.isInterface() && returns.getSimpleName().endsWith("Commands")
                    && method.getParameterCount() == 0;
            if (!view && !LOCAL.contains(method.getName())
                    && (!connection.isPipelined() || "closePipeline".equals(method.getName()))) {
                count();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (view && result != null) {
                return Proxy.newProxyInstance(returns.getClassLoader(), new Class<?>[] {returns},
                        new Counting(result, connection));
            }
            return result;
        }
    }
}
