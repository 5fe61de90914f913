package kefu.channel.telegram;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.handoff.BuyerMessenger;
import kefu.handoff.StaffDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff side: the forum supergroup as staff desk, and staff updates routed to the staff inbox. */
class TelegramStaffTest extends TelegramBotTest {

    @Autowired
    TelegramTestBeans.RecordingStaffInbox inbox;
    @Autowired
    StaffDesk desk;
    @Autowired
    List<BuyerMessenger> messengers;

    @Test
    void staffTextInATopicIsRelayedToTheInbox() {
        int topic = topic();
        api.topicText(STAFF_CHAT, topic, 900, "您好，我是客服小王");

        assertThat(await(e -> e.equals("message|900|" + STAFF_CHAT + ":" + topic + "|您好，我是客服小王")))
                .isTrue();
    }

    @Test
    void staffCommandsReachTheInboxWithTheirArgument() {
        int topic = topic();
        api.topicText(STAFF_CHAT, topic, 900, "/order@" + BotApiTestServer.BOT_USERNAME + " K2026112400012");
        api.topicText(STAFF_CHAT, topic, 900, "/claim");

        assertThat(await(e -> e.equals("command|900|" + STAFF_CHAT + ":" + topic + "|order|K2026112400012")))
                .isTrue();
        assertThat(await(e -> e.equals("command|900|" + STAFF_CHAT + ":" + topic + "|claim|"))).isTrue();
    }

    @Test
    void staffCanBanAndUnbanFromTheGroup() {
        int topic = topic();
        api.topicText(STAFF_CHAT, topic, 900, "/ban");
        api.topicText(STAFF_CHAT, topic, 900, "/unban tg:42");

        assertThat(await(e -> e.equals("command|900|" + STAFF_CHAT + ":" + topic + "|ban|"))).isTrue();
        assertThat(await(e -> e.equals("command|900|" + STAFF_CHAT + ":" + topic + "|unban|tg:42"))).isTrue();
    }

    @Test
    void groupMemberActsButAnOutsiderIsIgnored() {
        int topic = topic();
        long member = 910_000 + ThreadLocalRandom.current().nextInt(10_000);
        long outsider = member + 50_000;
        api.memberStatus(member, "member");
        api.memberStatus(outsider, "left");

        api.topicText(STAFF_CHAT, topic, outsider, "/close");
        api.topicText(STAFF_CHAT, topic, outsider, "我不是客服");
        api.press(STAFF_CHAT, outsider, "cb-out-" + outsider, "handoff:close", topic);
        api.topicText(STAFF_CHAT, topic, member, "/claim");

        // One topic's updates are handled in order, so the outsider's were handled before the member's.
        assertThat(await(e -> e.equals("command|" + member + "|" + STAFF_CHAT + ":" + topic + "|claim|"))).isTrue();
        assertThat(inbox.events).noneMatch(e -> e.contains("|" + outsider + "|"));
        assertThat(api.calls("answerCallbackQuery"))
                .anyMatch(c -> c.params().path("callback_query_id").asText().equals("cb-out-" + outsider));
    }

    @Test
    void staffButtonPressIsAnsweredAndRouted() {
        int topic = topic();
        api.press(STAFF_CHAT, 900, "cb-staff-" + topic, "handoff:claim", topic);

        assertThat(await(e -> e.equals("button|900|" + STAFF_CHAT + ":" + topic + "|handoff:claim"))).isTrue();
        assertThat(api.calls("answerCallbackQuery"))
                .anyMatch(c -> c.params().path("callback_query_id").asText().equals("cb-staff-" + topic));
    }

    @Test
    void deskOpensOneTopicPerBuyerAndReopensIt() throws Exception {
        ConversationKey buyer = new ConversationKey("tg", String.valueOf(newUser()));

        String ref = desk.openThread(buyer, "张** · 售后 · K2026112400012");
        String again = desk.openThread(buyer, "张** · 催单");
        desk.post(ref, "摘要卡片", List.of(Button.of("接手", "handoff", "claim")));
        Path shot = Files.createTempFile("shot", ".png");
        Files.write(shot, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        desk.postFile(ref, new Attachment(shot.toString(), "shot.png", "image/png", 8), "买家截图");

        assertThat(again).isEqualTo(ref);
        int topic = Integer.parseInt(ref.substring(ref.lastIndexOf(':') + 1));
        // Posts are queued and sent by the outbound senders.
        api.await("sendPhoto", c -> c.params().path("message_thread_id").asText().equals(String.valueOf(topic)), 1, WAIT);
        assertThat(api.calls("createForumTopic")).anyMatch(c -> c.params().path("name").asText()
                .equals("张** · 售后 · K2026112400012"));
        assertThat(api.calls("reopenForumTopic")).anyMatch(c -> c.params().path("message_thread_id").asInt() == topic);
        assertThat(api.calls("sendMessage")).anyMatch(c -> c.chatId() == STAFF_CHAT && c.text().equals("摘要卡片")
                && c.params().path("message_thread_id").asInt() == topic);
        assertThat(api.calls("sendPhoto")).anyMatch(c -> c.params().path("message_thread_id").asText()
                .equals(String.valueOf(topic)) && c.params().path("caption").asText().equals("买家截图"));
    }

    @Test
    void answersOutsideAnyTopicGoToTheGroupsGeneralThread() {
        String text = "general-" + newUser();

        desk.post(null, text, List.of());
        api.await("sendMessage", c -> c.ok() && c.text().equals(text), 1, WAIT);

        assertThat(api.calls("sendMessage")).anyMatch(c -> c.chatId() == STAFF_CHAT && c.text().equals(text)
                && c.params().path("message_thread_id").isMissingNode());
    }

    @Test
    void buyerMessengerWritesToTheBuyersPrivateChat() {
        long buyer = newUser();
        BuyerMessenger tg = messengers.stream().filter(m -> m.channel().equals("tg")).findFirst().orElseThrow();

        tg.send(new ConversationKey("tg", String.valueOf(buyer)), List.of(Reply.of("客服小王：已为您处理")));
        api.await("sendMessage", c -> c.ok() && c.chatId() == buyer, 1, WAIT);

        assertThat(api.sentTo(buyer)).containsExactly("客服小王：已为您处理");
    }

    private static int topic() {
        return 5000 + ThreadLocalRandom.current().nextInt(100_000);
    }

    private boolean await(Predicate<String> match) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (inbox.events.stream().anyMatch(match)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
