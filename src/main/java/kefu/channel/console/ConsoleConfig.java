package kefu.channel.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ReplyTexts;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationStore;
import kefu.handoff.StaffActions;
import kefu.handoff.ConfiguredStaffDesk;
import kefu.session.RedisKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/** Wires the chat CLI. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfig {

    @Bean
    ChatLineCodec chatLineCodec(ObjectMapper json) {
        return new ChatLineCodec(json);
    }

    @Bean
    ChatTurns chatTurns(ConversationEngine engine) {
        return new ChatTurns(engine, CliKeys.unscoped());
    }

    /** Kept a week: a later {@code chat --session NAME --follow} still gets what staff wrote meanwhile. */
    @Bean
    CliInbox cliInbox(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json) {
        return new CliInbox(redis, keys, json, Duration.ofDays(7));
    }

    @Bean
    CliBuyerMessenger cliBuyerMessenger(CliInbox inbox) {
        return new CliBuyerMessenger(inbox);
    }

    @Bean
    StaffConsole staffConsole(ChatLineCodec codec, StaffActions actions, CliBuyerMessenger messenger,
                              ConfiguredStaffDesk desks, ConversationStore store) {
        return new HandoffStaffConsole(codec, actions, messenger, desks, store, CliKeys.unscoped());
    }

    @Bean
    ChatCommand chatCommand(ChatLineCodec codec, ChatTurns turns, StaffConsole staff, ReplyTexts texts,
                            CliInbox inbox) {
        return new ChatCommand(codec, turns, staff, texts, inbox);
    }
}
