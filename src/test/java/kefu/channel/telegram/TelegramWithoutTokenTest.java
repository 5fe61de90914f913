package kefu.channel.telegram;

import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramWithoutTokenTest extends AppTest {

    @Autowired
    TelegramCommand command;

    @Test
    void withoutATokenTheCommandExplainsHowToGetOneFromBotFather() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = command.run(List.of());
        } finally {
            System.setErr(err);
        }

        assertThat(code).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("@BotFather", "/newbot", "KEFU_TELEGRAM_TOKEN");
    }
}
