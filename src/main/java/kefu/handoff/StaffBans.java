package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.session.BanList;

import java.util.List;
import java.util.Map;

/**
 * {@code /ban} and {@code /unban} for staff: in a buyer's thread they act on that buyer; elsewhere they take
 * the buyer's key ({@code /ban tg:123456}). A banned buyer's messages are ignored before any work is done.
 */
public final class StaffBans {

    private final BanList bans;
    private final ThreadIndex threads;
    private final StaffDesk desk;
    private final StaffTexts texts;

    public StaffBans(BanList bans, ThreadIndex threads, StaffDesk desk, StaffTexts texts) {
        this.bans = bans;
        this.threads = threads;
        this.desk = desk;
        this.texts = texts;
    }

    public void ban(String threadRef, String argument) {
        ConversationKey buyer = buyer(threadRef, argument);
        if (buyer == null) {
            desk.post(threadRef, texts.say("handoff.staff.ban_usage"), List.of());
            return;
        }
        bans.ban(buyer);
        desk.post(threadRef, texts.say("handoff.staff.banned", Map.of("buyer", SummaryCard.masked(buyer))), List.of());
    }

    public void unban(String threadRef, String argument) {
        ConversationKey buyer = buyer(threadRef, argument);
        if (buyer == null) {
            desk.post(threadRef, texts.say("handoff.staff.ban_usage"), List.of());
            return;
        }
        String key = bans.unban(buyer) ? "handoff.staff.unbanned" : "handoff.staff.not_banned";
        desk.post(threadRef, texts.say(key, Map.of("buyer", SummaryCard.masked(buyer))), List.of());
    }

    private ConversationKey buyer(String threadRef, String argument) {
        if (argument != null && !argument.isBlank()) {
            try {
                return ConversationKey.parse(argument.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return threadRef == null ? null : threads.buyerOf(threadRef);
    }
}
