package kefu.spam;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code kefu.spam.*}: a block list shared as a file, and an optional challenge for new private chats.
 *
 * @param blockList       a file of buyers to ignore, one per line ({@code tg:123456} or a bare Telegram user id,
 *                        {@code #} comments); empty: none. Several bots or instances may share one file.
 * @param blockListReload how often the file is looked at for changes
 * @param challenge       the first-contact check
 */
@Validated
@ConfigurationProperties("kefu.spam")
public record SpamProperties(Path blockList, @NotNull Duration blockListReload, @NotNull @Valid Challenge challenge) {

    /**
     * @param enabled  ask a new private chat to press the one right button of several before the bot serves it
     * @param channels the channels it applies to ({@code tg}); the terminal chat never needs it
     */
    public record Challenge(boolean enabled, @NotNull List<String> channels) {
    }

    public boolean hasBlockList() {
        return blockList != null && !blockList.toString().isBlank();
    }
}
