package kefu.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Buyers the bot ignores: banned by staff (with the reason they gave, kept with the ban) or, for a while,
 * automatically after repeated floods. One flag key per buyer, checked in the same script that starts a turn.
 */
public final class BanList {

    /** Who set the ban for an automatic flood ban. */
    public static final String AUTOMATIC = "auto";
    public static final String FLOOD_REASON = "flood";

    /** One ban: why, by whom (a staff id or {@link #AUTOMATIC}), since when, and until when (null: until lifted). */
    public record Ban(String reason, String by, Instant at, Instant until) {

        public boolean automatic() {
            return AUTOMATIC.equals(by);
        }
    }

    private record Stored(String reason, String by, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Clock clock;

    public BanList(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    /** Bans until lifted; {@code reason} may be empty. */
    public void ban(ConversationKey buyer, String reason, String by) {
        redis.opsForValue().set(keys.banned(buyer), encode(new Stored(reason == null ? "" : reason.strip(), by,
                clock.instant())));
    }

    /** Lifts the ban; the ban that was lifted, if there was one. */
    public Optional<Ban> unban(ConversationKey buyer) {
        Optional<Ban> was = ban(buyer);
        redis.delete(keys.banned(buyer));
        return was;
    }

    public boolean banned(ConversationKey buyer) {
        return Boolean.TRUE.equals(redis.hasKey(keys.banned(buyer)));
    }

    public Optional<Ban> ban(ConversationKey buyer) {
        String stored = redis.opsForValue().get(keys.banned(buyer));
        if (stored == null) {
            return Optional.empty();
        }
        Long ttl = redis.getExpire(keys.banned(buyer));
        Instant until = ttl == null || ttl < 0 ? null : clock.instant().plusSeconds(ttl);
        Stored s = decode(stored);
        return Optional.of(new Ban(s.reason(), s.by(), s.at(), until));
    }

    /** Moves the single ban set of earlier versions to per-buyer flags (once; a no-op afterwards). */
    public int migrateLegacySet() {
        Set<String> old = redis.opsForSet().members(keys.legacyBannedSet());
        if (old == null || old.isEmpty()) {
            return 0;
        }
        for (String member : old) {
            ban(ConversationKey.parse(member), "", "");
        }
        redis.delete(keys.legacyBannedSet());
        return old.size();
    }

    /** The record an automatic flood ban carries (the script that sets it has no clock: the time is left out). */
    static String floodBanRecord() {
        return encode(new Stored(FLOOD_REASON, AUTOMATIC, null));
    }

    private static String encode(Stored s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stored decode(String stored) {
        try {
            return JSON.readValue(stored, Stored.class);
        } catch (JsonProcessingException e) {
            // A flag written by hand (redis-cli SET ...) is still a ban, just without details.
            return new Stored("", "", null);
        }
    }

    /** For a reply: the ban's details as template values. */
    public static Map<String, Object> describe(Ban ban) {
        return Map.of("reason", ban.reason() == null || ban.reason().isBlank() ? "-" : ban.reason(),
                "until", ban.until() == null ? "-" : ban.until().toString());
    }
}
