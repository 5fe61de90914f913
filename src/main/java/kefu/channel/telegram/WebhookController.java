package kefu.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Receives updates Telegram posts in webhook mode. The secret header is checked on every request; an update
 * is stored in its chat's lane and acknowledged at once, and handled afterwards.
 */
@RestController
@ConditionalOnProperty(name = "kefu.telegram.mode", havingValue = "webhook")
public class WebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final UpdateDispatcher dispatcher;
    private final ObjectMapper json;
    private final byte[] secret;

    public WebhookController(UpdateDispatcher dispatcher, TelegramProperties props) {
        this.dispatcher = dispatcher;
        this.json = TelegramConfig.telegramJson();
        String configured = props.webhook().secret();
        this.secret = configured == null ? new byte[0] : configured.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "${kefu.telegram.webhook.path:/telegram/webhook}")
    public ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String given,
                                        @RequestBody byte[] body) {
        if (secret.length == 0 || given == null
                || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            return ResponseEntity.badRequest().build();
        }
        if (update.getUpdateId() == null) {
            return ResponseEntity.badRequest().build();
        }
        dispatcher.accept(update);
        return ResponseEntity.ok().build();
    }
}
