package kefu.handoff;

import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name buyers see for a staff member: the one they set with {@code /alias}, else the operator's
 * {@code staff-aliases}, else their name on the channel (Telegram's first and last name). Without any,
 * the reply reads as from "staff" without a name, never "staff · staff".
 */
public final class StaffNames {

    public static final int MAX_LENGTH = 16;

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final HandoffProperties settings;
    /** Channel names already written, so an unchanged name costs no Redis write per staff message. */
    private final Map<String, String> written = new ConcurrentHashMap<>();

    public StaffNames(StringRedisTemplate redis, RedisKeys keys, HandoffProperties settings) {
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
    }

    /** The staff member's name on the channel, as seen on their latest message. */
    public void seen(String staffId, String channelName) {
        String name = clean(channelName);
        if (staffId == null || name.isEmpty() || name.equals(written.get(staffId))) {
            return;
        }
        redis.opsForHash().put(keys.named("handoff", "staff-names"), staffId, name);
        written.put(staffId, name);
    }

    /** {@code /alias NAME}; false when the name is empty or too long once cleaned. */
    public boolean setAlias(String staffId, String alias) {
        String name = clean(alias);
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        redis.opsForHash().put(keys.named("handoff", "staff-aliases"), staffId, name);
        return true;
    }

    /** The name to show, or empty when nothing is known but the default. */
    public Optional<String> nameOf(String staffId) {
        Object own = redis.opsForHash().get(keys.named("handoff", "staff-aliases"), staffId);
        if (own != null) {
            return Optional.of(own.toString());
        }
        String configured = settings.staffAliases().get(staffId);
        if (configured != null) {
            return Optional.of(configured);
        }
        Object channel = redis.opsForHash().get(keys.named("handoff", "staff-names"), staffId);
        return Optional.ofNullable(channel).map(Object::toString);
    }

    /** For staff-facing lines ("✅ 小王 已接手"): the name, or the default alias. */
    public String shown(String staffId) {
        return nameOf(staffId).orElse(settings.defaultAlias());
    }

    /** No control, direction or bracket characters a name could fake a system line with; one line, bounded. */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        raw.strip().codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || "【】[]".indexOf(cp) >= 0) {
                return;
            }
            out.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
        });
        String name = out.toString().replaceAll(" +", " ").strip();
        return name.length() > 32 ? name.substring(0, 32) : name;
    }
}
