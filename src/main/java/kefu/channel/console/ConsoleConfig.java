package kefu.channel.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationEngine;
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
        return new ChatTurns(engine);
    }

    @Bean
    StaffConsole staffConsole(ChatLineCodec codec) {
        return new NoStaffConsole(codec);
    }

    @Bean
    ChatCommand chatCommand(ChatLineCodec codec, ChatTurns turns, StaffConsole staff) {
        return new ChatCommand(new JsonChat(codec, turns, staff), new InteractiveChat(turns));
    }
}
