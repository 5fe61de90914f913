package kefu.channel.telegram;

import kefu.conversation.ReplyKeyFamily;
import kefu.conversation.command.BuyerCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Telegram's command menu describes every buyer command in the menu; start-up checks each has a text. */
@Configuration(proxyBeanMethods = false)
public class TelegramReplyKeys {

    @Bean
    ReplyKeyFamily commandMenuTexts() {
        return new ReplyKeyFamily("telegram.command.", BuyerCommand.menu().stream().map(BuyerCommand::wireName).toList());
    }
}
