package kefu.channel.telegram;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.Set;

/**
 * Which lane an update belongs to: a buyer's updates share the buyer's lane (one conversation, in order);
 * each staff group's share one lane per topic. Updates the bot does not handle have none.
 */
public final class UpdateRoutes {

    private final Set<Long> staffChats;

    public UpdateRoutes(Set<Long> staffChats) {
        this.staffChats = staffChats == null ? Set.of() : Set.copyOf(staffChats);
    }

    public boolean fromStaffChat(Update update) {
        Long chat = chatId(update);
        return chat != null && staffChats.contains(chat);
    }

    public String lane(Update update) {
        if (fromStaffChat(update)) {
            Integer thread = threadId(update);
            return "staff:" + chatId(update) + ":" + (thread == null ? 0 : thread);
        }
        if (update.hasMessage() && update.getMessage().getFrom() != null) {
            return "buyer:" + update.getMessage().getFrom().getId();
        }
        if (update.hasCallbackQuery()) {
            return "buyer:" + update.getCallbackQuery().getFrom().getId();
        }
        return null;
    }

    static Long chatId(Update update) {
        if (update.hasMessage()) {
            return update.getMessage().getChatId();
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            return update.getCallbackQuery().getMessage().getChatId();
        }
        return null;
    }

    /** The forum topic of a message or of the message a button sits under, or null outside topics. */
    static Integer threadId(Update update) {
        if (update.hasMessage()) {
            return topicOf(update.getMessage());
        }
        CallbackQuery callback = update.getCallbackQuery();
        if (callback != null && callback.getMessage() instanceof Message m) {
            return topicOf(m);
        }
        return null;
    }

    private static Integer topicOf(Message m) {
        return Boolean.TRUE.equals(m.getIsTopicMessage()) ? m.getMessageThreadId() : null;
    }
}
