package kefu.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Receives updates Telegram posts in webhook mode. The secret header is checked on every request before the
 * body is read; a body over {@link #MAX_BODY_BYTES} is refused unread. An update is stored in its chat's lane
 * and acknowledged at once, and handled afterwards.
 */
@RestController
@ConditionalOnProperty(name = "kefu.telegram.mode", havingValue = "webhook")
public class WebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** A Telegram update is a few KiB (a message is at most 4096 characters plus entities); 1 MiB is ample. */
    static final int MAX_BODY_BYTES = 1 << 20;

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
                                        HttpServletRequest request) throws IOException {
        // The body is read only after the secret matched, so strangers cannot make the bot buffer anything.
        if (secret.length == 0 || given == null
                || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            return ResponseEntity.badRequest().build();
        }
        if (update == null || update.getUpdateId() == null) {
            return ResponseEntity.badRequest().build();
        }
        dispatcher.accept(update);
        return ResponseEntity.ok().build();
    }
}
