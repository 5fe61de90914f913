package kefu.channel.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonChatTest extends AppTest {

    @Autowired
    ChatLineCodec codec;
    @Autowired
    ChatTurns turns;
    @Autowired
    StaffConsole staff;
    @Autowired
    ObjectMapper json;
    @Autowired
    CliInbox inbox;

    private List<JsonNode> chat(String... lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JsonChat(codec, turns, staff, null).run(new StringReader(String.join("\n", lines) + "\n"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<JsonNode> out = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            out.add(json.readTree(line));
        }
        return out;
    }

    @Test
    void withFollowWhatIsSentFromAnotherProcessIsPrintedWhileTheChatRuns() throws Exception {
        String user = uniqueUser();
        CliKeys session = new CliKeys("follow-" + user.hashCode());
        java.io.PipedWriter input = new java.io.PipedWriter();
        java.io.PipedReader reader = new java.io.PipedReader(input);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        JsonChat chat = new JsonChat(codec, turns.inSession(session), staff.inSession(session),
                new CliFollower(inbox, session, java.time.Duration.ofMillis(50)));
        Thread running = new Thread(() -> {
            try {
                chat.run(reader, out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        running.start();

        input.write("{\"user\":\"" + user + "\",\"text\":\"你好\"}\n");
        input.flush();
        awaitLines(bytes, 1);
        // What the serving process's web desk does: the reply goes into the buyer's inbox in Redis.
        inbox.put(session.key(user), List.of(kefu.conversation.Reply.of("您好，我是客服小王")));
        awaitLines(bytes, 2);
        input.close();
        running.join(10_000);

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode pushed = json.readTree(lines[1]);
        assertThat(pushed.get("user").asText()).isEqualTo(user);
        assertThat(pushed.get("pushed").asBoolean()).isTrue();
        assertThat(pushed.get("replies").get(0).get("text").asText()).isEqualTo("您好，我是客服小王");
        assertThat(inbox.take(session.key(user))).isEmpty();
    }

    private static void awaitLines(ByteArrayOutputStream bytes, int n) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (bytes.toString(StandardCharsets.UTF_8).split("\n", -1).length <= n && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
    }

    @Test
    void everyInputLineGetsExactlyOneOutputLineAndBadLinesGetErrors() throws Exception {
        String user = uniqueUser();
        List<JsonNode> out = chat(
                "{\"user\":\"" + user + "\",\"text\":\"你好\"}",
                "{not json",
                "{\"user\":\"" + user + "\",\"text\":\"   \"}",
                "{\"user\":\"" + user + "\",\"text\":\"" + "x".repeat(1024 * 1024) + "\"}",
                "{\"user\":\"" + user + "\",\"text\":\"hi\",\"mood\":\"angry\"}",
                "[1,2]",
                "{\"text\":\"no user\"}",
                "{\"user\":\"" + user + "\",\"photo\":\"/no/such/file.png\"}",
                "{\"user\":\"" + user + "\",\"text\":\"你好\"}");

        assertThat(out).hasSize(9);
        assertThat(out.get(0).get("intent").asText()).isEqualTo("greeting");
        assertThat(out.get(0).get("replies").get(0).get("buttons")).isNotEmpty();
        assertThat(out.get(0).has("sources")).isTrue();
        assertThat(out.get(0).get("handoff").asBoolean()).isFalse();
        assertThat(out.subList(1, 8)).extracting(n -> n.get("error").asText())
                .containsExactly("invalid_json", "empty", "too_long", "unknown_field", "invalid_json",
                        "missing_user", "bad_photo");
        assertThat(out.get(8).get("intent").asText()).as("the session goes on after bad lines").isEqualTo("greeting");
    }

    @Test
    void aButtonLinePressesTheButton() throws Exception {
        String user = uniqueUser();
        List<JsonNode> out = chat(
                "{\"user\":\"" + user + "\",\"text\":\"你好\"}",
                "{\"user\":\"" + user + "\",\"button\":\"intent:faq\"}");

        assertThat(out.get(1).get("intent").asText()).isEqualTo("faq");
    }
}
