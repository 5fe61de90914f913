package kefu.console.users;

import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/**
 * Failed console logins per user name and per client address, counted in Redis for a window, so guessing
 * passwords is slow across every instance. Past the limit the name or address is refused until the window ends.
 */
public final class LoginAttempts {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final int limit;
    private final Duration window;

    public LoginAttempts(StringRedisTemplate redis, RedisKeys keys, int limit, Duration window) {
        this.redis = redis;
        this.keys = keys;
        this.limit = limit;
        this.window = window;
    }

    public boolean blocked(String name, String address) {
        return count(nameKey(name)) >= limit || count(addressKey(address)) >= limit;
    }

    public void failed(String name, String address) {
        for (String key : new String[] {nameKey(name), addressKey(address)}) {
            redis.opsForValue().increment(key);
            redis.expire(key, window);
        }
    }

    /** A successful login clears the name's count; the address keeps its own. */
    public void succeeded(String name) {
        redis.delete(nameKey(name));
    }

    private long count(String key) {
        String v = redis.opsForValue().get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    private String nameKey(String name) {
        return keys.named("console", "login-failures:name:" + (name == null ? "" : name));
    }

    private String addressKey(String address) {
        return keys.named("console", "login-failures:addr:" + (address == null ? "-" : address));
    }
}
