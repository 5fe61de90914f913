package kefu.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kefu.channel.console.ChatLineCodec;
import kefu.channel.console.ChatTurns;
import kefu.channel.console.JsonChat;
import kefu.channel.console.StaffConsole;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.testsupport.ClassKeyPrefix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole application on real Redis with a clock the tests move, staff ids agent1/agent2 (agent1 is
 * 小美), service hours 09:00-22:00, reminders after 10 minutes, idle close after 30, and the timer off
 * (tests call the sweeper themselves). Staff-desk posts are recorded by the in-process desk.
 */
@ContextCustomizerFactories(ClassKeyPrefix.class)
@SpringBootTest(properties = {
        "kefu.command-runner.enabled=false",
        "kefu.handoff.only-staff-ids=agent1,agent2",
        "kefu.handoff.staff-aliases.agent1=小美",
        "kefu.handoff.service-opens=09:00",
        "kefu.handoff.service-closes=22:00",
        "kefu.handoff.remind-after=10m",
        "kefu.handoff.idle-close=30m",
        "kefu.handoff.wait-per-buyer=3m",
        "kefu.handoff.sweep-every=0"})
@Import(HandoffTestBase.TestClock.class)
abstract class HandoffTestBase {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Imported, not annotated: component scanning of other tests' contexts must not pick it up. */
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(SHANGHAI, LocalDateTime.of(2026, 11, 26, 10, 0).atZone(SHANGHAI).toInstant());
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    ChatLineCodec codec;
    @Autowired
    ChatTurns turns;
    @Autowired
    StaffConsole staffConsole;
    @Autowired
    ObjectMapper json;
    @Autowired
    ConversationStore store;
    @Autowired
    ConfiguredStaffDesk desks;
    @Autowired
    ReplyTexts replyTexts;

    /** The Chinese wording of a reply key, as the reply files have it (tests never copy the sentence). */
    String zh(String key, Map<String, ?> vars) {
        return replyTexts.get(key, Lang.ZH, vars);
    }

    String zh(String key) {
        return zh(key, Map.of());
    }

    static String uniqueUser() {
        return "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static ConversationKey cli(String user) {
        return new ConversationKey("cli", user);
    }

    void at(int hour, int minute) {
        clock.set(LocalDateTime.of(2026, 11, 26, hour, minute));
    }

    void later(Duration by) {
        clock.advance(by);
    }

    /** Runs lines through {@code chat --json}; one output object per line. */
    List<JsonNode> chat(String... lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JsonChat(codec, turns, staffConsole, null).run(new StringReader(String.join("\n", lines) + "\n"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<JsonNode> out = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            out.add(json.readTree(line));
        }
        return out;
    }

    JsonNode one(String line) throws Exception {
        List<JsonNode> out = chat(line);
        return out.get(0);
    }

    static String says(String user, String text) {
        return line("user", user, "text", text);
    }

    static String presses(String user, String data) {
        return line("user", user, "button", data);
    }

    static String staffSays(String staff, String user, String text) {
        return line("staff", staff, "user", user, "text", text);
    }

    static String staffRuns(String staff, String user, String command) {
        return line("staff", staff, "user", user, "command", command);
    }

    static String line(String... kv) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            node.put(kv[i], kv[i + 1]);
        }
        return node.toString();
    }

    ConversationState state(String user) {
        return store.peek(cli(user)).orElseThrow();
    }

    InMemoryStaffDesk desk() {
        return desks.inMemory().orElseThrow();
    }

    static List<String> texts(JsonNode arrayOfMessages) {
        List<String> out = new ArrayList<>();
        arrayOfMessages.forEach(n -> out.add(n.get("text").asText()));
        return out;
    }
}
