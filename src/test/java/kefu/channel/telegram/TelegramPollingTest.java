package kefu.channel.telegram;

import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationStore;
import kefu.conversation.HistoryEntry;
import kefu.conversation.Lang;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static kefu.testsupport.ReplyKeyMatcher.anyOf;
import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;


/** The bot on long polling, driven through the real telegrambots client against a local Bot API server. */
class TelegramPollingTest extends TelegramBotTest {

    @Autowired
    ConversationStore store;
    @Autowired
    TelegramTestBeans.SeenAttachments attachments;
    @Autowired
    BlockedChats blocked;

    @Test
    void startRegistersCommandsInChineseAndEnglish() {
        assertThat(api.calls("setMyCommands")).extracting(c -> c.params().path("language_code").asText(""))
                .contains("zh", "en", "");
        assertThat(api.calls("setMyCommands").get(0).params().path("commands").findValuesAsText("command"))
                .containsExactly("start", "help", "menu", "order", "bind", "unbind", "human", "cancel");
    }

    @Test
    void greetingIsAnsweredWithButtonsInThePrivateChat() {
        long user = newUser();
        api.privateText(user, "你好");

        var sent = api.await("sendMessage", c -> c.ok() && c.chatId() == user, 1, WAIT);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).text()).matches(fromKey("greeting"));
        assertThat(sent.get(0).params().path("reply_markup").path("inline_keyboard").size()).isPositive();
        assertThat(sent.get(0).params().has("parse_mode")).isFalse();
    }

    @Test
    void buttonPressIsAnsweredAndReachesTheEngine() {
        long user = newUser();
        api.privateText(user, "/start");
        var menu = api.await("sendMessage", c -> c.ok() && c.chatId() == user, 1, WAIT);
        String data = menu.get(0).params().path("reply_markup").path("inline_keyboard").get(0).get(0)
                .path("callback_data").asText();

        api.press(user, user, "cb-" + user, data, null);

        assertThat(api.await("answerCallbackQuery", c -> c.params().path("callback_query_id").asText()
                .equals("cb-" + user), 1, WAIT)).hasSize(1);
        assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == user, 2, WAIT)).hasSize(2);
        assertThat(history(user)).contains("[button] " + data);
    }

    @Test
    void oversizedCallbackDataIsAnsweredButNeverReachesTheEngine() {
        long user = newUser();
        api.press(user, user, "cb-big-" + user, "x".repeat(65), null);

        assertThat(api.await("answerCallbackQuery", c -> c.params().path("callback_query_id").asText()
                .equals("cb-big-" + user), 1, WAIT)).hasSize(1);
        assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == user, 1, WAIT)).hasSize(1);
        assertThat(store.peek(key(user))).isEmpty();
    }

    @Test
    void photoWithCaptionReachesTheEngineAsAnImageAttachment() {
        long user = newUser();
        byte[] png = new byte[2048];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);

        api.privatePhoto(user, "photo" + user, png, "#echo 没收到货");

        assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == user, 1, WAIT))
                .extracting(BotApiTestServer.Call::text).containsExactly("echo 没收到货");
        assertThat(attachments.seen).contains("tg:" + user + "|image/png|2048|#echo 没收到货");
        assertThat(api.calls("getFile")).anyMatch(c -> c.params().path("file_id").asText().equals("photo" + user));
    }

    @Test
    void aReceivedPhotoIsDeletedOnceItsTurnIsOver() throws Exception {
        long user = newUser();
        byte[] png = new byte[1024];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);

        api.privatePhoto(user, "gone" + user, png, "#echo 截图");
        api.await("sendMessage", c -> c.ok() && c.chatId() == user, 1, WAIT);

        String prefix = "tg:" + user + "|";
        Path file = Path.of(attachments.paths.stream().filter(p -> p.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void fileThatIsNotAnImageIsRefused() {
        long user = newUser();
        api.privatePhoto(user, "fake" + user, "MZ not an image at all".getBytes(), null);

        var sent = api.await("sendMessage", c -> c.ok() && c.chatId() == user, 1, WAIT);

        assertThat(sent.get(0).text()).matches(fromKey("telegram.file.not_image"));
        assertThat(attachments.seen).noneMatch(s -> s.startsWith("tg:" + user + "|"));
    }

    @Test
    void hostileDocumentFileNamesAreReducedToAPlainName() {
        long user = newUser();
        byte[] png = new byte[512];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);

        api.privateDocument(user, "slash" + user, png, "/", null);
        api.privateDocument(user, "rlo" + user, png, "..\\..\\invoice\u202Egnp.exe", null);
        api.privateDocument(user, "dots" + user, png, "../../etc/passwd\u0000x", null);

        var sent = api.await("sendMessage", c -> c.ok() && c.chatId() == user, 3, WAIT);
        assertThat(sent).hasSizeGreaterThanOrEqualTo(3);
        List<String> files = history(user).stream().filter(h -> h.startsWith("[file] ")).toList();
        assertThat(files).hasSize(3);
        assertThat(files.get(0)).isEqualTo("[file] photo.png");
        assertThat(files.get(1)).isEqualTo("[file] invoicegnp.exe");
        assertThat(files.get(2)).isEqualTo("[file] passwdx");
    }

    @Test
    void retryAfterIsHonouredAndTheMessageArrivesOnce() {
        long user = newUser();
        api.failNextSend(user, 429, 1);

        api.privateText(user, "#echo hello");

        var sent = api.await("sendMessage", c -> c.ok() && c.chatId() == user, 1, WAIT);
        assertThat(sent).hasSize(1);
        var all = api.calls("sendMessage").stream().filter(c -> c.chatId() == user).toList();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).status()).isEqualTo(429);
        assertThat(Duration.ofNanos(all.get(1).atNanos() - all.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(api.sentTo(user)).containsExactly("echo hello");
    }

    @Test
    void userWhoBlockedTheBotIsRecordedAndNotRetried() throws Exception {
        long user = newUser();
        api.blockBy(user);

        api.privateText(user, "#echo one");
        api.await("sendMessage", c -> c.chatId() == user, 1, WAIT);
        Thread.sleep(1500);

        assertThat(api.calls("sendMessage").stream().filter(c -> c.chatId() == user)).hasSize(1);
        assertThat(blocked.isBlocked(user)).isTrue();
    }

    @Test
    void groupMessagesAreIgnoredUnlessTheBotIsAddressed() {
        long group = -200_000L - ThreadLocalRandom.current().nextInt(100_000);
        long user = newUser();

        api.groupText(group, user, "#echo not for the bot");
        api.groupText(group, user, "@" + BotApiTestServer.BOT_USERNAME + " #echo for the bot");

        var sent = api.await("sendMessage", c -> c.ok() && c.chatId() == group, 1, WAIT);
        assertThat(sent).extracting(BotApiTestServer.Call::text).containsExactly("echo for the bot");
    }

    @Test
    void privateOnlyReplyIsNeverPostedInAGroup() {
        long group = -300_000L - ThreadLocalRandom.current().nextInt(100_000);
        long user = newUser();

        api.groupText(group, user, "/order@" + BotApiTestServer.BOT_USERNAME);
        api.groupText(group, user, "@" + BotApiTestServer.BOT_USERNAME + " #secret");

        var sent = api.await("sendMessage", c -> c.ok() && c.chatId() == group, 2, WAIT);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).text()).contains("@" + BotApiTestServer.BOT_USERNAME).doesNotContain("ABCD");
        assertThat(api.calls("sendMessage")).noneMatch(c -> c.chatId() == group && c.text().contains("ABCD"));
    }

    @Test
    void aVerifiedOwnersOrderIsNeverShownInAGroup() {
        long group = -400_000L - ThreadLocalRandom.current().nextInt(100_000);
        long user = newUser();
        api.privateText(user, "K2026112400004");
        api.await("sendMessage", c -> c.ok() && c.chatId() == user, 1, WAIT);
        api.privateText(user, "5678");
        api.await("sendMessage", c -> c.ok() && c.chatId() == user && c.text().contains("爱奇艺"), 1, WAIT);

        api.groupText(group, user, "@" + BotApiTestServer.BOT_USERNAME + " K2026112400004 到哪了");

        var sent = api.await("sendMessage", c -> c.ok() && c.chatId() == group, 1, WAIT);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).text()).matches(goPrivate()).doesNotContain("爱奇艺").doesNotContain("5678");
    }

    @Test
    void aProofTypedInAGroupVerifiesNothing() throws Exception {
        long group = -500_000L - ThreadLocalRandom.current().nextInt(100_000);
        long user = newUser();

        api.groupText(group, user, "@" + BotApiTestServer.BOT_USERNAME + " K2026112400004");
        api.groupText(group, user, "@" + BotApiTestServer.BOT_USERNAME + " 5678");

        var sent = api.await("sendMessage", c -> c.ok() && c.chatId() == group, 2, WAIT);
        Thread.sleep(500);
        assertThat(api.calls("sendMessage")).filteredOn(c -> c.chatId() == group)
                .noneMatch(c -> c.text().contains("爱奇艺") || fromKey("shop.ask_proof").matcher(c.text()).find());
        assertThat(sent.get(0).text()).matches(goPrivate());
        assertThat(store.peek(key(user)).orElseThrow().fact("shop.verified")).isNull();
    }

    @Test
    void longReplyIsSplitAt4096Characters() {
        long user = newUser();
        api.privateText(user, "#long 5000");

        var sent = api.await("sendMessage", c -> c.ok() && c.chatId() == user, 2, WAIT);
        assertThat(sent).hasSize(2);
        assertThat(sent).allMatch(c -> c.text().length() <= 4096);
        assertThat(sent.get(0).text() + "\n" + sent.get(1).text()).hasSize(5000);
    }

    private List<String> history(long user) {
        return store.peek(key(user)).orElseThrow().history().stream().map(HistoryEntry::text).toList();
    }

    private static ConversationKey key(long user) {
        return new ConversationKey("tg", String.valueOf(user));
    }

    @Test
    void aBuyerWhoseTelegramIsInEnglishIsGreetedInEnglishFromTheFirstWord() {
        long english = newUser();
        long chinese = newUser();

        api.privateTextIn(english, "en", "hi");
        api.privateTextIn(chinese, "zh-hans", "hi");

        assertThat(api.await("sendMessage", c -> c.chatId() == english, 1, WAIT)).singleElement()
                .satisfies(c -> assertThat(c.text()).matches(fromKey("greeting", Lang.EN)));
        assertThat(api.await("sendMessage", c -> c.chatId() == chinese, 1, WAIT)).singleElement()
                .satisfies(c -> assertThat(c.text()).matches(fromKey("greeting")));
    }

    /** Told, in a group, to carry on in a private chat (by the channel or by the engine's group rule). */
    private static Pattern goPrivate() {
        return anyOf(fromKey("telegram.private_only"), fromKey("security.group.private_only"));
    }
}
