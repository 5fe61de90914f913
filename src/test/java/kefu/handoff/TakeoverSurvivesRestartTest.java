package kefu.handoff;

import kefu.KefuApplication;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Intent;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.util.Map;
import java.util.UUID;

import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * A takeover goes on across a restart (new application on the same Redis), driven the way a channel adapter
 * drives it: buyer turns into the engine, staff actions into {@link StaffInbox} with the desk's own thread
 * references.
 */
class TakeoverSurvivesRestartTest {

    /** A channel's desk and messenger; plain class so that no other test's component scan picks it up. */
    static class ChannelBeans {
        @Bean
        RecordingStaffDesk recordingStaffDesk() {
            return new RecordingStaffDesk();
        }

        @Bean
        RecordingMessenger recordingMessenger() {
            return new RecordingMessenger();
        }
    }

    @Test
    void aTakeoverInProgressGoesOnAfterARestart() {
        String prefix = RealRedis.freshPrefix();
        ConversationKey buyer = new ConversationKey("test", "r" + UUID.randomUUID().toString().substring(0, 8));
        String thread;

        try (ConfigurableApplicationContext first = start(prefix)) {
            TurnResult escalated = first.getBean(ConversationEngine.class).handle(Turn.text(buyer, "m1", "人工客服"));
            RecordingStaffDesk desk = first.getBean(RecordingStaffDesk.class);
            thread = desk.opened.get(0).split(" ")[0];
            first.getBean(StaffInbox.class).button("agent1", thread, SummaryCard.CLAIM);

            assertThat(escalated.handoff()).isTrue();
            assertThat(escalated.intent()).isEqualTo(Intent.HUMAN_HANDOFF);
            assertThat(desk.posts.get(0).buttons()).extracting(b -> b.data()).containsExactly("staff:claim", "staff:close");
            assertThat(first.getBean(RecordingMessenger.class).texts(buyer)).singleElement().asString()
                    .matches(fromKey("handoff.claimed", Map.of("alias", "小美")));
        }

        try (ConfigurableApplicationContext second = start(prefix)) {
            ConversationEngine engine = second.getBean(ConversationEngine.class);
            StaffInbox inbox = second.getBean(StaffInbox.class);
            RecordingStaffDesk desk = second.getBean(RecordingStaffDesk.class);
            RecordingMessenger messenger = second.getBean(RecordingMessenger.class);

            TurnResult relayed = engine.handle(Turn.text(buyer, "m2", "我的卡密打不开"));
            inbox.message("agent1", thread, "请把截图发给我");
            inbox.command("agent1", thread, "/close", "");
            TurnResult botAgain = engine.handle(Turn.text(buyer, "m3", "你好"));

            assertThat(inbox.buyerOf(thread)).isEqualTo(buyer);
            assertThat(relayed.handoff()).isTrue();
            assertThat(relayed.replies()).as("the bot stays silent after the restart").isEmpty();
            assertThat(desk.texts(thread)).anyMatch(t -> t.contains("我的卡密打不开"));
            assertThat(messenger.texts(buyer)).hasSize(2);
            assertThat(messenger.texts(buyer).get(0))
                    .matches(fromKey("handoff.staff_says", Map.of("alias", "小美", "text", "请把截图发给我")));
            assertThat(messenger.texts(buyer).get(1)).matches(fromKey("handoff.closed"));
            assertThat(botAgain.intent()).isEqualTo(Intent.GREETING);
            assertThat(botAgain.handoff()).isFalse();

            ConversationKey another = new ConversationKey("test", "s" + UUID.randomUUID().toString().substring(0, 8));
            engine.handle(Turn.text(another, "m4", "你好"));
            inbox.command("agent1", null, "/claim", another.asString());
            assertThat(engine.handle(Turn.text(another, "m5", "你好")).replies())
                    .as("staff stepped in from the general thread").isEmpty();
            assertThat(messenger.texts(another)).singleElement().asString()
                    .matches(fromKey("handoff.claimed", Map.of("alias", "小美")));
        }
    }

    private static ConfigurableApplicationContext start(String prefix) {
        return new SpringApplicationBuilder(KefuApplication.class, ChannelBeans.class)
                .web(WebApplicationType.NONE)
                .run("--kefu.command-runner.enabled=false", "--kefu.redis.url=" + RealRedis.url(),
                        "--kefu.redis.key-prefix=" + prefix, "--kefu.handoff.staff-ids=agent1",
                        "--kefu.handoff.staff-aliases.agent1=小美", "--kefu.handoff.sweep-every=0",
                        "--kefu.handoff.service-opens=00:00", "--kefu.handoff.service-closes=00:00");
    }
}
