package kefu.app;

import kefu.channel.telegram.TelegramCommand;
import kefu.console.ConsoleProperties;
import kefu.console.users.ConsoleUsers;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code serve} command. */
@Configuration(proxyBeanMethods = false)
public class ServeConfig {

    @Bean
    ServeCommand serveCommand(TelegramCommand telegram, ConsoleProperties console, ConsoleUsers users,
                              ApplicationContext context) {
        return new ServeCommand(telegram, console, users, context);
    }
}
