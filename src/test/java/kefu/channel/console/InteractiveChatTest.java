package kefu.channel.console;

import kefu.conversation.Buttons;
import kefu.conversation.Intent;
import kefu.conversation.Lang;
import kefu.conversation.Reply;
import kefu.conversation.ReplyTexts;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The terminal chat shows what staff send from elsewhere while the buyer sits at the prompt. */
class InteractiveChatTest extends AppTest {

    @Autowired
    ChatTurns turns;
    @Autowired
    ReplyTexts texts;
    @Autowired
    CliInbox inbox;

    @Test
    void aStaffReplyFromTheWebDeskAppearsAtThePromptAndItsButtonsCanBePressed() throws Exception {
        String user = uniqueUser();
        CliKeys session = new CliKeys("term-" + user.hashCode());
        PipedWriter input = new PipedWriter();
        PipedReader reader = new PipedReader(input);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        InteractiveChat chat = new InteractiveChat(turns.inSession(session), texts,
                new CliFollower(inbox, session, Duration.ofMillis(50)));
        Thread running = new Thread(() -> {
            try {
                chat.run(new BufferedReader(reader), out, user);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        running.start();

        // What the serving process's web desk does: the reply goes into the buyer's inbox in Redis.
        inbox.put(session.key(user), List.of(Reply.of("【客服·小王】您好，已为您补发，还有别的问题吗？",
                List.of(Buttons.intent("没有了", Intent.GREETING), Buttons.intent("查订单", Intent.ORDER_STATUS)))));
        awaitText(bytes, "[2] 查订单");
        int before = bytes.toString(StandardCharsets.UTF_8).length();
        input.write("2\n");
        input.flush();
        // What pressing that button answers a buyer in the same situation (not what typing "2" would).
        String pressed = turns.buyer(new ChatInput(uniqueUser(), null, Buttons.intent("查订单", Intent.ORDER_STATUS)
                .data(), null, null, null, null, null)).replies().get(0).text().lines().findFirst().orElseThrow();
        awaitText(bytes, pressed);
        input.write("/quit\n");
        input.flush();
        running.join(20_000);

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("【客服·小王】您好，已为您补发").contains("[1] 没有了");
        assertThat(shown.indexOf("[2] 查订单")).as("the prompt is shown again after the pushed message")
                .isLessThan(shown.lastIndexOf(texts.get("terminal.you", Lang.ZH, Map.of())));
        assertThat(shown.substring(before)).as("pressing 2 pressed the pushed message's button")
                .contains(pressed);
        assertThat(inbox.take(session.key(user))).as("taken once, not shown twice").isEmpty();
    }

    private static void awaitText(ByteArrayOutputStream bytes, String text) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (!bytes.toString(StandardCharsets.UTF_8).contains(text) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
    }
}
