package kefu.channel.telegram;

import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The bot's own user (id and @username), asked once with getMe: needed to tell when a group addresses it. */
public final class BotIdentity {

    private final TelegramClient client;
    private volatile User me;

    public BotIdentity(TelegramClient client) {
        this.client = client;
    }

    public User me() {
        User known = me;
        if (known == null) {
            try {
                known = client.execute(new GetMe());
            } catch (TelegramApiException e) {
                throw new IllegalStateException("getMe failed - is kefu.telegram.token right? " + e.getMessage(), e);
            }
            me = known;
        }
        return known;
    }

    public String username() {
        return me().getUserName() == null ? "" : me().getUserName();
    }
}
