package kefu.handoff;

import kefu.conversation.Attachment;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.Handover;
import kefu.conversation.HistoryEntry;
import kefu.conversation.Media;
import kefu.conversation.Reply;
import kefu.conversation.events.ConversationEvent;
import kefu.conversation.events.ConversationEvent.StaffJoined;
import kefu.conversation.events.ConversationEvent.StaffReplied;
import kefu.session.SessionProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What staff write in a buyer's thread, passed on to the buyer: a message signed with the staff member's name,
 * or a file. Writing in a queued thread takes the conversation; a conversation another staff member or the bot
 * serves is not written to, and staff are told why.
 */
public final class StaffReplies {

    private final StaffTransaction transaction;
    private final StaffPolicy policy;
    private final StaffNames names;
    private final StaffTexts texts;
    private final BuyerMessengers messengers;
    private final StaffDesk desk;
    private final SessionProperties session;

    public StaffReplies(StaffTransaction transaction, StaffPolicy policy, StaffNames names, StaffTexts texts,
                        BuyerMessengers messengers, StaffDesk desk, SessionProperties session) {
        this.transaction = transaction;
        this.policy = policy;
        this.names = names;
        this.texts = texts;
        this.messengers = messengers;
        this.desk = desk;
        this.session = session;
    }

    public void message(String staffId, ConversationKey buyer, String threadRef, String text) {
        transaction.run(buyer, threadRef, (s, now) -> {
            Optional<StaffRefusal> refused = policy.refuseWriting(staffId, s.handover());
            if (refused.isPresent()) {
                return StaffStep.refused(s, refused.get().text(texts, names));
            }
            String said = names.nameOf(staffId)
                    .map(name -> texts.buyerText(s.lang(), "handoff.staff_says", Map.of("alias", name, "text", text.strip())))
                    .orElseGet(() -> texts.buyerText(s.lang(), "handoff.staff_says_unnamed", Map.of("text", text.strip())));
            return written(staffId, buyer, s, now, said, List.of(Reply.of(said)));
        });
    }

    /**
     * The file goes to the buyer after the conversation is taken; the history keeps its name. A channel that
     * cannot carry files says so to staff.
     */
    public void file(String staffId, ConversationKey buyer, String threadRef, Attachment file, String caption) {
        String line = "[file] " + file.fileName() + (caption == null || caption.isBlank() ? "" : " " + caption.strip());
        passOn(staffId, buyer, threadRef, line, () -> messengers.sendFile(buyer, file, caption));
    }

    /** As a file: voice, video or a sticker goes to the buyer whole; the history keeps what it was. */
    public void media(String staffId, ConversationKey buyer, String threadRef, Media media) {
        String line = "[" + media.kind().wireName() + "]" + (media.label().isBlank() ? "" : " " + media.label());
        passOn(staffId, buyer, threadRef, line, () -> messengers.sendMedia(buyer, media));
    }

    /**
     * Something staff sent that is not text: the conversation is taken (or staff told why not) with {@code line} in
     * its history, then {@code send} passes it on; a channel that cannot carry it says so to staff.
     */
    private void passOn(String staffId, ConversationKey buyer, String threadRef, String line, BooleanSupplier send) {
        StaffStep step = transaction.run(buyer, threadRef, (s, now) -> {
            Optional<StaffRefusal> refused = policy.refuseWriting(staffId, s.handover());
            if (refused.isPresent()) {
                return StaffStep.refused(s, refused.get().text(texts, names));
            }
            return written(staffId, buyer, s, now, line, List.of());
        });
        if (!step.refused() && !send.getAsBoolean()) {
            desk.post(threadRef, texts.say("handoff.staff.file_unsupported"), List.of());
        }
    }

    /** The conversation after staff wrote {@code line}: theirs, with the line in its history. */
    private StaffStep written(String staffId, ConversationKey buyer, ConversationState s, Instant now, String line,
                              List<Reply> toBuyer) {
        boolean takesOver = policy.writingTakesOver(s.handover());
        List<String> notes = takesOver
                ? List.of(texts.say("handoff.staff.claimed", Map.of("alias", names.shown(staffId)))) : List.of();
        Duration sinceHandover = Facts.sinceHandedOver(s, now);
        List<ConversationEvent> happened = new ArrayList<>();
        if (takesOver) {
            happened.add(new StaffJoined(buyer, now, staffId, sinceHandover));
        }
        happened.add(new StaffReplied(buyer, now, staffId, sinceHandover));
        ConversationState next = s.withHandover(Handover.staff(staffId)).withFact(Facts.QUEUE_NOTED, null)
                .withFact(Facts.HANDED_AT, null)
                .withHistory(new HistoryEntry(HistoryEntry.STAFF, line, null, now), session.historySize());
        return StaffStep.done(next, toBuyer, notes, happened);
    }
}
