package kefu.channel.telegram;

import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The staff forum groups ({@code kefu.telegram.staff-groups}, or the one {@code staff-chat-id}) and which one a
 * new buyer's topic opens in: the group that lists the order's category, else the next of the groups listing
 * none (all groups when every one lists some), in turn across instances (a counter in Redis). The first group
 * is the primary one: notices that belong to no buyer go to its General topic.
 */
public final class StaffGroups {

    private final List<TelegramProperties.StaffGroup> groups;
    private final List<Long> general;
    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    public StaffGroups(List<TelegramProperties.StaffGroup> groups, StringRedisTemplate redis, RedisKeys keys) {
        this.groups = List.copyOf(groups);
        List<Long> unlisted = groups.stream().filter(g -> g.categories().isEmpty())
                .map(TelegramProperties.StaffGroup::chatId).toList();
        this.general = unlisted.isEmpty() ? groups.stream().map(TelegramProperties.StaffGroup::chatId).toList() : unlisted;
        this.redis = redis;
        this.keys = keys;
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    public boolean contains(long chatId) {
        return groups.stream().anyMatch(g -> g.chatId() == chatId);
    }

    public Set<Long> chats() {
        return groups.stream().map(TelegramProperties.StaffGroup::chatId).collect(Collectors.toUnmodifiableSet());
    }

    /** The primary group: the desk's General thread when a post names no group. */
    public long primary() {
        if (groups.isEmpty()) {
            throw new IllegalStateException("no staff group is configured (kefu.telegram.staff-groups)");
        }
        return groups.get(0).chatId();
    }

    /** The group a new buyer's topic opens in. */
    public long route(Optional<String> category) {
        if (category.isPresent()) {
            for (TelegramProperties.StaffGroup g : groups) {
                if (g.categories().contains(category.get())) {
                    return g.chatId();
                }
            }
        }
        if (general.size() == 1) {
            return general.get(0);
        }
        Long turn = redis.opsForValue().increment(keys.named("tg-staff-groups", "turn"));
        return general.get((int) Math.floorMod(turn == null ? 0 : turn, (long) general.size()));
    }

    /** Groups with a posting limit of their own. */
    public Map<Long, TelegramProperties.Limit> ownLimits() {
        Map<Long, TelegramProperties.Limit> own = new LinkedHashMap<>();
        groups.stream().filter(g -> g.limit() != null).forEach(g -> own.put(g.chatId(), g.limit()));
        return own;
    }
}
