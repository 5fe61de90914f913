package kefu.channel.telegram;

import kefu.conversation.ConversationKey;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.session.BanList;
import kefu.session.RedisKeys;
import kefu.session.SessionProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work a banned, flooding or blocked buyer could make the bot do before the engine refuses the turn: file
 * downloads, refusals, answers to unusable buttons. And what a failed download leaves on disk.
 */
class TelegramAbuseTest extends TelegramBotTest {

    private static final Duration QUIET = Duration.ofSeconds(3);

    @Autowired
    BanList bans;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisKeys keys;
    @Autowired
    SessionProperties session;
    @Autowired
    ReplyTexts texts;

    private static byte[] png(int size) {
        byte[] png = new byte[size];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        return png;
    }

    private static ConversationKey key(long user) {
        return new ConversationKey("tg", String.valueOf(user));
    }

    @Test
    void aBannedBuyersPhotoIsNeitherDownloadedNorAnswered() {
        long user = newUser();
        bans.ban(key(user), "", "test");

        api.privatePhoto(user, "banned" + user, png(64 * 1024), "看图");

        assertThat(api.await("getFile", c -> c.params().path("file_id").asText().equals("banned" + user), 1, QUIET))
                .isEmpty();
        assertThat(api.sentTo(user)).isEmpty();
    }

    @Test
    void aBannedBuyersRefusedFileGetsNoRefusal() {
        long user = newUser();
        bans.ban(key(user), "", "test");

        api.privatePhoto(user, "banned-fake" + user, "MZ not an image".getBytes(StandardCharsets.US_ASCII), null);

        assertThat(api.await("sendMessage", c -> c.chatId() == user, 1, QUIET)).isEmpty();
        assertThat(api.calls("getFile")).noneMatch(c -> c.params().path("file_id").asText().equals("banned-fake" + user));
    }

    @Test
    void aFloodingBuyersPhotoIsNotDownloadedAndOnlyTheCoolDownNoteIsSent() {
        long user = newUser();
        redis.opsForValue().set(keys.turnCounter(key(user)), String.valueOf(session.floodMaxTurns()),
                Duration.ofMinutes(1));

        api.privatePhoto(user, "flood" + user, png(4096), null);

        assertThat(api.await("sendMessage", c -> c.chatId() == user, 1, WAIT)).extracting(BotApiTestServer.Call::text)
                .containsExactly(texts.get("input.flood", Lang.ZH, Map.of()));
        assertThat(api.calls("getFile")).noneMatch(c -> c.params().path("file_id").asText().equals("flood" + user));
    }

    @Test
    void aBannedBuyersUnusableButtonIsNotAnswered() {
        long user = newUser();
        bans.ban(key(user), "", "test");

        api.press(user, user, "cb-banned-" + user, "x".repeat(65), null);

        assertThat(api.await("answerCallbackQuery", c -> c.params().path("callback_query_id").asText()
                .equals("cb-banned-" + user), 1, WAIT)).hasSize(1);
        assertThat(api.await("sendMessage", c -> c.chatId() == user, 1, QUIET)).isEmpty();
    }

    @Test
    void aDownloadCutOffHalfwayLeavesNoFileAndTheFolderIsTheBotsOnly() throws Exception {
        long user = newUser();
        api.cutOffDownloadsOf("cut" + user);

        api.privatePhoto(user, "cut" + user, png(256 * 1024), null);

        // The client notices the dropped connection only when the server closes it: allow for a slow machine.
        assertThat(api.await("sendMessage", c -> c.chatId() == user, 1, Duration.ofSeconds(60))).extracting(BotApiTestServer.Call::text)
                .containsExactly(texts.get("telegram.file.failed", Lang.ZH, Map.of()));
        try (var left = Files.list(DOWNLOADS)) {
            assertThat(left.toList()).isEmpty();
        }
        assertThat(Files.getPosixFilePermissions(DOWNLOADS)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void aBuyerOnTheSharedBlockListIsIgnoredEntirely() throws Exception {
        long user = newUser();
        Files.createDirectories(BLOCK_LIST.getParent());
        Files.writeString(BLOCK_LIST, "# shared list\n" + user + "   # spammer\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread.sleep(1200); // the file's modification time moves on, and the bot looks again

        api.privateText(user, "#echo 广告");
        api.privatePhoto(user, "blocked" + user, png(2048), null);
        api.press(user, user, "cb-blocked-" + user, "intent:faq", null);

        assertThat(api.await("sendMessage", c -> c.chatId() == user, 1, QUIET)).isEmpty();
        assertThat(api.calls("getFile")).noneMatch(c -> c.params().path("file_id").asText().equals("blocked" + user));
        assertThat(api.calls("answerCallbackQuery")).noneMatch(c -> c.params().path("callback_query_id").asText()
                .equals("cb-blocked-" + user));
    }
}
