package kefu.console.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Console accounts in one Redis hash (name → JSON with the bcrypt hash and the role), so every instance sees
 * the same accounts and a new one works at once.
 */
public final class ConsoleUsers {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{2,32}");
    public static final int MIN_PASSWORD = 10;

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String key;

    public ConsoleUsers(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, PasswordEncoder encoder,
                        Clock clock) {
        this.redis = redis;
        this.json = json;
        this.encoder = encoder;
        this.clock = clock;
        this.key = keys.named("console", "users");
    }

    /** Creates or replaces an account; the password is hashed here and never stored. */
    public ConsoleUser put(String name, Role role, String password) {
        if (!NAME.matcher(name == null ? "" : name).matches()) {
            throw new IllegalArgumentException("a user name is 2-32 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
        ConsoleUser user = new ConsoleUser(name, role, encoder.encode(password), clock.instant());
        try {
            redis.opsForHash().put(key, name, json.writeValueAsString(user));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("console user cannot be written as JSON", e);
        }
        return user;
    }

    public Optional<ConsoleUser> find(String name) {
        Object raw = name == null ? null : redis.opsForHash().get(key, name);
        return raw == null ? Optional.empty() : Optional.of(read(raw.toString()));
    }

    public boolean remove(String name) {
        Long removed = redis.opsForHash().delete(key, name);
        return removed != null && removed > 0;
    }

    public List<ConsoleUser> list() {
        return redis.opsForHash().values(key).stream().map(v -> read(v.toString()))
                .sorted(Comparator.comparing(ConsoleUser::name)).toList();
    }

    private ConsoleUser read(String raw) {
        try {
            return json.readValue(raw, ConsoleUser.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored console user is unreadable", e);
        }
    }
}
