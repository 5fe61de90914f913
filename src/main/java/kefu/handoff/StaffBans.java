package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.session.BanList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /ban} and {@code /unban} for staff: in a buyer's thread they act on that buyer; elsewhere they take
 * the buyer's key ({@code /ban tg:123456}). Anything after the buyer is the reason, kept with the ban and
 * shown when it is lifted ({@code /ban tg:123456 发广告}, or in a thread {@code /ban 发广告}). A banned buyer's
 * messages are ignored before any work is done.
 */
public final class StaffBans {

    private static final Pattern BUYER_KEY = Pattern.compile("[a-z]{2,16}:[A-Za-z0-9_.@-]{1,64}");

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

    /** Who and why, from {@code /ban [buyer] [reason]}. */
    private record Target(ConversationKey buyer, String reason) {
    }

    public void ban(String staffId, String threadRef, String argument) {
        Optional<Target> target = target(threadRef, argument);
        if (target.isEmpty()) {
            desk.post(threadRef, texts.say("handoff.staff.ban_usage"), List.of());
            return;
        }
        ConversationKey buyer = target.get().buyer();
        Optional<BanList.Ban> earlier = bans.ban(buyer);
        String reason = target.get().reason().isEmpty() && earlier.isPresent() ? earlier.get().reason()
                : target.get().reason();
        bans.ban(buyer, reason, staffId);
        desk.post(threadRef, texts.say("handoff.staff.banned", Map.of("buyer", SummaryCard.masked(buyer),
                "reason", reason.isEmpty() ? "-" : reason)), List.of());
    }

    public void unban(String threadRef, String argument) {
        Optional<Target> target = target(threadRef, argument);
        if (target.isEmpty()) {
            desk.post(threadRef, texts.say("handoff.staff.ban_usage"), List.of());
            return;
        }
        ConversationKey buyer = target.get().buyer();
        Optional<BanList.Ban> lifted = bans.unban(buyer);
        Map<String, Object> vars = new HashMap<>(lifted.map(BanList::describe).orElse(Map.of()));
        vars.put("buyer", SummaryCard.masked(buyer));
        vars.put("by", lifted.map(b -> b.automatic() ? texts.say("handoff.staff.ban_by_auto") : b.by()).orElse("-"));
        desk.post(threadRef, texts.say(lifted.isPresent() ? "handoff.staff.unbanned" : "handoff.staff.not_banned",
                vars), List.of());
    }

    private Optional<Target> target(String threadRef, String argument) {
        String arg = argument == null ? "" : argument.strip();
        String[] parts = arg.split("\\s+", 2);
        // A buyer key looks like tg:123456; anything else, in a thread, is all reason.
        if (BUYER_KEY.matcher(parts[0]).matches()) {
            return Optional.of(new Target(ConversationKey.parse(parts[0]), parts.length > 1 ? parts[1].strip() : ""));
        }
        ConversationKey inThread = threadRef == null ? null : threads.buyerOf(threadRef);
        return inThread == null ? Optional.empty() : Optional.of(new Target(inThread, arg));
    }
}
