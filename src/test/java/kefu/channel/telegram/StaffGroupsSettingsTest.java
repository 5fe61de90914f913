package kefu.channel.telegram;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code staff-chat-id} is a one-group list, first of {@code staff-groups}; listed too, it keeps its settings. */
class StaffGroupsSettingsTest {

    @Test
    void theSingleStaffGroupComesFirstAndMayBeGivenCategoriesInTheList() {
        TelegramProperties.Limit own = new TelegramProperties.Limit(10, Duration.ofMinutes(1));
        TelegramProperties props = props(-100L, List.of(
                new TelegramProperties.StaffGroup(-200L, List.of("video_vip"), null),
                new TelegramProperties.StaffGroup(-100L, List.of("mobile_topup"), own),
                new TelegramProperties.StaffGroup(-200L, List.of(), null)));

        assertThat(props.staffGroups()).extracting(TelegramProperties.StaffGroup::chatId).containsExactly(-100L, -200L);
        assertThat(props.staffGroups().get(0).categories()).containsExactly("mobile_topup");
        assertThat(props.staffGroups().get(0).limit()).isEqualTo(own);
        assertThat(props.hasStaffChat()).isTrue();
    }

    @Test
    void withoutEitherThereIsNoStaffDesk() {
        assertThat(props(null, null).staffGroups()).isEmpty();
        assertThat(props(null, null).hasStaffChat()).isFalse();
        assertThat(props(null, List.of(new TelegramProperties.StaffGroup(-300L, null, null))).staffGroups())
                .singleElement().satisfies(g -> assertThat(g.categories()).isEmpty());
    }

    private static TelegramProperties props(Long staffChatId, List<TelegramProperties.StaffGroup> groups) {
        return new TelegramProperties("", "https://api.telegram.org", TelegramProperties.Mode.POLLING,
                new TelegramProperties.Webhook(null, "/telegram/webhook", 8443, null, 40, "127.0.0.1",
                        Duration.ofSeconds(5), Duration.ofSeconds(15), 200, 50),
                staffChatId, groups, List.of(), List.of(), Duration.ofMinutes(10), 1024, Path.of("data"), 2,
                Duration.ofSeconds(50), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofHours(24),
                Duration.ofDays(30), 8, null);
    }
}
