package kefu.channel.telegram;

import kefu.session.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Who counts as staff in a staff group: ids listed in {@code kefu.telegram.extra-staff-ids}, and members of that
 * group (getChatMember: creator, administrator or member), remembered per group for a while in Redis. A member
 * of one staff group is not thereby staff in another.
 */
public final class StaffMembership {

    private static final Logger log = LoggerFactory.getLogger(StaffMembership.class);
    private static final Set<String> STAFF_STATUSES = Set.of("creator", "administrator", "member");

    private final TelegramClient client;
    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final StaffGroups groups;
    private final List<Long> staffIds;
    private final Duration cacheTtl;

    public StaffMembership(TelegramClient client, StringRedisTemplate redis, RedisKeys keys, StaffGroups groups,
                           List<Long> staffIds, Duration cacheTtl) {
        this.client = client;
        this.redis = redis;
        this.keys = keys;
        this.groups = groups;
        this.staffIds = List.copyOf(staffIds);
        this.cacheTtl = cacheTtl;
    }

    /**
     * Whether the bot may open topics in each staff group (an administrator with "Manage topics"); a group where
     * it may not is named in a warning at start-up, before the first escalation fails there. Returns those groups.
     */
    public List<Long> groupsWithoutTopicRights(long botId) {
        List<Long> lacking = new java.util.ArrayList<>();
        for (long group : groups.chats()) {
            try {
                ChatMember m = client.execute(GetChatMember.builder().chatId(group).userId(botId).build());
                boolean admin = m instanceof ChatMemberAdministrator a && Boolean.TRUE.equals(a.getCanManageTopics());
                if (!admin && !(m != null && "creator".equals(m.getStatus()))) {
                    lacking.add(group);
                    log.warn("the bot is not an administrator with 'Manage topics' in staff group {}: buyers' topics "
                            + "cannot be opened there (status {})", group, m == null ? "-" : m.getStatus());
                }
            } catch (TelegramApiException e) {
                lacking.add(group);
                log.warn("cannot check the bot's rights in staff group {}: {}", group, e.getMessage());
            }
        }
        return lacking;
    }

    /** Whether the user acts as staff in the staff group {@code groupChatId}. */
    public boolean isStaff(long userId, long groupChatId) {
        if (staffIds.contains(userId)) {
            return true;
        }
        if (!groups.contains(groupChatId)) {
            return false;
        }
        String key = keys.named("tg-staff", groupChatId + ":" + userId);
        String cached = redis.opsForValue().get(key);
        if (cached != null) {
            return "1".equals(cached);
        }
        boolean member;
        try {
            ChatMember m = client.execute(GetChatMember.builder().chatId(groupChatId).userId(userId).build());
            member = m != null && STAFF_STATUSES.contains(m.getStatus());
        } catch (TelegramApiException e) {
            log.warn("cannot check staff membership: {}", e.getMessage());
            return false; // not remembered: the next message asks again
        }
        redis.opsForValue().set(key, member ? "1" : "0", cacheTtl);
        return member;
    }
}
