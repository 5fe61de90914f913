package kefu.conversation;

import kefu.KefuApplication;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class StateSurvivesRestartTest {

    @Test
    void aConversationStartedBeforeARestartContinuesAfterIt() {
        String prefix = RealRedis.freshPrefix();
        ConversationKey buyer = new ConversationKey("test", "restart-buyer");

        try (ConfigurableApplicationContext first = start(prefix)) {
            first.getBean(ConversationEngine.class).handle(Turn.text(buyer, "m-1", "你好"));
        }
        try (ConfigurableApplicationContext second = start(prefix)) {
            ConversationEngine engine = second.getBean(ConversationEngine.class);
            TurnResult redelivered = engine.handle(Turn.text(buyer, "m-1", "你好"));
            TurnResult pressed = engine.handle(Turn.button(buyer, "m-2", "intent:faq"));

            assertThat(redelivered.duplicate()).as("message id remembered across the restart").isTrue();
            assertThat(pressed.intent()).as("button offered before the restart still works").isEqualTo(Intent.FAQ);
        }
    }

    private static ConfigurableApplicationContext start(String prefix) {
        return new SpringApplicationBuilder(KefuApplication.class)
                .web(WebApplicationType.NONE)
                .run("--kefu.command-runner.enabled=false", "--kefu.redis.url=" + RealRedis.url(),
                        "--kefu.redis.key-prefix=" + prefix);
    }
}
