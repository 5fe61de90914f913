package kefu.channel.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ReplyTexts;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationStore;
import kefu.handoff.StaffActions;
import kefu.handoff.StaffDesks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    @Bean
    CliBuyerMessenger cliBuyerMessenger() {
        return new CliBuyerMessenger();
    }

    @Bean
    StaffConsole staffConsole(ChatLineCodec codec, StaffActions actions, CliBuyerMessenger messenger,
                              StaffDesks desks, ConversationStore store) {
        return new HandoffStaffConsole(codec, actions, messenger, desks, store, CliKeys.unscoped());
    }

    @Bean
    ChatCommand chatCommand(ChatLineCodec codec, ChatTurns turns, StaffConsole staff, ReplyTexts texts) {
        return new ChatCommand(codec, turns, staff, texts);
    }
}
