package kefu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.app.BotFiles;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationStore;
import kefu.nlu.NluProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the {@code bench} command. Redis round trips are counted only when the process was started to
 * benchmark ({@code bench} on the command line, or {@code kefu.bench.count-redis=true}), so the bot in
 * service never runs through the counting proxy.
 */
@Configuration(proxyBeanMethods = false)
public class BenchConfig {

    @Bean
    BenchCommand benchCommand(ConversationEngine engine, ConversationStore store,
                              ObjectProvider<RedisRoundTrips> roundTrips, BotFiles files, NluProperties nlu,
                              ObjectMapper json) {
        return new BenchCommand(engine, store, roundTrips, files, nlu, json);
    }

    @Bean
    @Conditional(Benchmarking.class)
    static RedisRoundTrips redisRoundTrips() {
        return new RedisRoundTrips();
    }

    /** True for {@code java -jar kefu-bot.jar bench ...} and when {@code kefu.bench.count-redis=true}. */
    static final class Benchmarking implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            String words = env.getProperty("nonOptionArgs", "");
            return words.equals("bench") || words.startsWith("bench,")
                    || Boolean.parseBoolean(env.getProperty("kefu.bench.count-redis", "false"));
        }
    }
}
