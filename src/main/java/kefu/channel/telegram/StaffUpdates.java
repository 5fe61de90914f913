package kefu.channel.telegram;

import kefu.conversation.Media;
import kefu.conversation.command.SlashCommand;
import kefu.conversation.command.StaffCommand;
import kefu.handoff.StaffInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import java.util.Comparator;

/**
 * Routes what happens in the staff group to the {@link StaffInbox}: topic messages and files, staff commands,
 * presses on staff cards. Anyone who is not staff is ignored (their button presses are answered, nothing more).
 */
public final class StaffUpdates {

    private static final Logger log = LoggerFactory.getLogger(StaffUpdates.class);

    private final ObjectProvider<StaffInbox> inbox;
    private final StaffMembership staff;
    private final TelegramSender sender;
    private final FileFetcher files;
    private final BotIdentity identity;

    public StaffUpdates(ObjectProvider<StaffInbox> inbox, StaffMembership staff, TelegramSender sender,
                        FileFetcher files, BotIdentity identity) {
        this.inbox = inbox;
        this.staff = staff;
        this.sender = sender;
        this.files = files;
        this.identity = identity;
    }

    public void handle(Update update) {
        String threadRef = threadRef(update);
        long group = UpdateRoutes.chatId(update);
        if (update.hasCallbackQuery()) {
            CallbackQuery callback = update.getCallbackQuery();
            sender.answerCallback(callback.getId(), null);
            StaffInbox target = target(callback.getFrom(), group);
            if (target != null && callback.getData() != null) {
                target.button(id(callback.getFrom()), threadRef, callback.getData());
            }
            return;
        }
        if (!update.hasMessage()) {
            return;
        }
        Message message = update.getMessage();
        StaffInbox target = target(message.getFrom(), group);
        if (target == null) {
            return;
        }
        String staffId = id(message.getFrom());
        target.introduce(staffId, displayName(message.getFrom()));
        if (message.hasText() && message.getText().startsWith("/")) {
            command(target, staffId, threadRef, message.getText());
        } else if (message.hasPhoto() || message.hasDocument()) {
            if (!TelegramStaffDesk.general(threadRef)) {
                file(target, staffId, threadRef, message);
            }
        } else if (message.hasText() && !TelegramStaffDesk.general(threadRef)) {
            target.message(staffId, threadRef, message.getText());
        } else if (!TelegramStaffDesk.general(threadRef)) {
            Media media = BuyerUpdates.media(message);
            if (media != null) {
                target.media(staffId, threadRef, media);
            }
        }
    }

    private void command(StaffInbox target, String staffId, String threadRef, String text) {
        SlashCommand.parse(text)
                .filter(c -> c.addressedTo(identity.username())) // otherwise meant for another bot
                .ifPresent(c -> StaffCommand.find(c)
                        .ifPresent(known -> target.command(staffId, threadRef, known.wireName(), c.argument())));
    }

    private void file(StaffInbox target, String staffId, String threadRef, Message message) {
        FileFetcher.Fetched fetched;
        if (message.hasPhoto()) {
            PhotoSize best = message.getPhoto().stream()
                    .max(Comparator.comparingLong(p -> p.getFileSize() == null ? 0 : p.getFileSize())).orElseThrow();
            fetched = files.fetch(best.getFileId(), best.getFileSize() == null ? null : best.getFileSize().longValue(),
                    null, true);
        } else {
            Document doc = message.getDocument();
            fetched = files.fetch(doc.getFileId(), doc.getFileSize(), doc.getFileName(), false);
        }
        if (fetched instanceof FileFetcher.Fetched.Ok ok) {
            try {
                target.file(staffId, threadRef, ok.attachment(), message.getCaption());
            } finally {
                files.discard(ok.attachment());
            }
        } else {
            log.warn("a staff file was not relayed: {}", fetched);
        }
    }

    /** The inbox when the sender is staff in this group, else null. */
    private StaffInbox target(User from, long group) {
        if (from == null || Boolean.TRUE.equals(from.getIsBot()) || !staff.isStaff(from.getId(), group)) {
            return null;
        }
        StaffInbox target = inbox.getIfAvailable();
        if (target == null) {
            log.warn("staff group update ignored: no staff inbox is configured");
        }
        return target;
    }

    private static String displayName(User user) {
        String last = user.getLastName();
        return user.getFirstName() + (last == null || last.isBlank() ? "" : " " + last);
    }

    private static String id(User user) {
        return String.valueOf(user.getId());
    }

    /** The topic's reference; outside topics the group's General thread ({@code <group>:0}), so answers go back there. */
    private static String threadRef(Update update) {
        Long chat = UpdateRoutes.chatId(update);
        Integer thread = UpdateRoutes.threadId(update);
        return chat == null ? null : TelegramStaffDesk.ref(chat, thread == null ? 0 : thread);
    }
}
