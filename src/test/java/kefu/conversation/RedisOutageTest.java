package kefu.conversation;

import kefu.KefuApplication;
import kefu.session.EmbeddedRedis;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.nio.file.Path;

import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;


/** Runs against a Redis of its own so it can stop and restart it. */
class RedisOutageTest {

    /** The restarted server must accept the password the bot's client already has. */
    private static final String PASSWORD = "outage-test-" + java.util.UUID.randomUUID();

    @Test
    void whileRedisIsDownTheBotStillAnswersAndItRecoversByItself() throws Exception {
        Path data = RealRedis.tempDir("kefu-outage");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedRedis redis = EmbeddedRedis.start(data, port, PASSWORD);
        ConversationKey buyer = new ConversationKey("test", "outage-buyer");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KefuApplication.class)
                .web(WebApplicationType.NONE)
                .run("--kefu.command-runner.enabled=false", "--kefu.redis.url=" + redis.url())) {
            ConversationEngine engine = app.getBean(ConversationEngine.class);
            ConversationStore store = app.getBean(ConversationStore.class);
            engine.handle(Turn.text(buyer, null, "你好"));

            redis.close();
            TurnResult greeting = engine.handle(Turn.text(buyer, null, "你好"));
            TurnResult order = engine.handle(Turn.text(buyer, null, "/order K2026112400012"));

            assertThat(greeting.intent()).isEqualTo(Intent.GREETING);
            assertThat(greeting.replies()).isNotEmpty();
            assertThat(order.replies().get(0).text()).matches(fromKey("service.degraded"));

            redis = EmbeddedRedis.start(data, port, PASSWORD);
            TurnResult after = engine.handle(Turn.text(buyer, "after-restart", "你好"));

            assertThat(after.intent()).isEqualTo(Intent.GREETING);
            assertThat(store.peek(buyer)).as("state is saved again once Redis is back").isPresent();
        } finally {
            redis.close();
        }
    }

    @Test
    void redisRestartedWithItsDataLostStartsConversationsOverWithoutACrash() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedRedis redis = EmbeddedRedis.start(RealRedis.tempDir("kefu-lost-before"), port, PASSWORD);
        ConversationKey buyer = new ConversationKey("test", "lost-data-buyer");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KefuApplication.class)
                .web(WebApplicationType.NONE)
                .run("--kefu.command-runner.enabled=false", "--kefu.redis.url=" + redis.url())) {
            ConversationEngine engine = app.getBean(ConversationEngine.class);
            ConversationStore store = app.getBean(ConversationStore.class);
            TurnResult form = engine.handle(Turn.text(buyer, null, "我要申请售后"));
            assertThat(form.flow()).as("a form was in progress").isNotNull();

            redis.close();
            redis = EmbeddedRedis.start(RealRedis.tempDir("kefu-lost-after"), port, PASSWORD);
            TurnResult next = engine.handle(Turn.text(buyer, null, "你好"));

            assertThat(next.intent()).isEqualTo(Intent.GREETING);
            assertThat(next.replies()).isNotEmpty();
            assertThat(store.peek(buyer)).get().extracting(ConversationState::flow).as("started over").isNull();
        } finally {
            redis.close();
        }
    }
}
