package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationStore;
import kefu.conversation.HistoryEntry;
import kefu.privacy.Masking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In a buyer's thread, {@code /order} also gives the phone numbers and emails the buyer typed, whole: the card and
 * transcript mask them, staff who need one to help ask for it here.
 */
public final class TypedContacts {

    /** Transcript lines looked through for contacts the buyer typed. */
    private static final int TRANSCRIPT_LOOKBACK = 200;

    private final StaffDesk desk;
    private final ThreadIndex threads;
    private final Transcript transcript;
    private final ConversationStore store;
    private final StaffTexts texts;

    public TypedContacts(StaffDesk desk, ThreadIndex threads, Transcript transcript, ConversationStore store,
                         StaffTexts texts) {
        this.desk = desk;
        this.threads = threads;
        this.transcript = transcript;
        this.store = store;
        this.texts = texts;
    }

    /** A line to add after the order's details (starting with a line break), or "" outside a buyer's thread. */
    public String line(String threadRef) {
        ConversationKey buyer = desk.isGeneral(threadRef) ? null : threads.buyerOf(threadRef);
        if (buyer == null) {
            return "";
        }
        Set<String> contacts = new LinkedHashSet<>();
        // The transcript keeps more than the state; the state has what was said since the last sync.
        List<HistoryEntry> said = new ArrayList<>(transcript.last(buyer, TRANSCRIPT_LOOKBACK));
        store.peek(buyer).ifPresent(s -> said.addAll(s.history()));
        said.stream().filter(e -> HistoryEntry.BUYER.equals(e.role()))
                .forEach(e -> contacts.addAll(Masking.contacts(e.text())));
        return contacts.isEmpty() ? "" : "\n" + texts.say("handoff.staff.order_contacts",
                Map.of("contacts", String.join("，", contacts)));
    }
}
