package kefu.handoff;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore.Begin;
import kefu.conversation.ConversationStore;
import kefu.conversation.Handover;
import kefu.conversation.HistoryEntry;
import kefu.conversation.Intent;
import kefu.conversation.Reply;
import kefu.conversation.command.SlashCommand;
import kefu.conversation.command.StaffCommand;
import kefu.conversation.events.ConversationEvent.ConversationClosed;
import kefu.conversation.events.ConversationEvent.StaffJoined;
import kefu.conversation.events.ConversationEvent.StaffReplied;
import kefu.conversation.events.ConversationEvent;
import kefu.conversation.events.ConversationEvents;
import kefu.privacy.Masking;
import kefu.session.SessionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * What staff do on a buyer's conversation. Every change goes through the conversation store's lease, like a
 * buyer turn, so a staff action and a buyer message never overwrite each other. Messages to the buyer and
 * to the staff thread are sent after the state is saved.
 */
public final class StaffActions implements StaffInbox {

    private static final Logger log = LoggerFactory.getLogger(StaffActions.class);
    /** Transcript lines {@code /order} looks through for contacts the buyer typed. */
    private static final int TRANSCRIPT_LOOKBACK = 200;

    private final ConversationStore store;
    private final SessionProperties session;
    private final ThreadIndex threads;
    private final HandoffQueue queue;
    private final StaffActivity activity;
    private final Transcript transcript;
    private final HandoffEscalation escalations;
    private final SummaryCard card;
    private final StaffDesk desk;
    private final BuyerMessengers messengers;
    private final StaffOrderLookup orders;
    private final StaffTickets tickets;
    private final StaffBans bans;
    private final StaffNames names;
    private final StaffTexts texts;
    private final HandoffProperties settings;
    private final Clock clock;
    private final ConversationEvents events;

    public StaffActions(ConversationStore store, SessionProperties session, ThreadIndex threads, HandoffQueue queue,
                        StaffActivity activity, Transcript transcript, HandoffEscalation escalations, SummaryCard card,
                        StaffDesk desk, BuyerMessengers messengers, StaffOrderLookup orders, StaffTexts texts,
                        HandoffProperties settings, StaffBans bans, StaffTickets tickets, StaffNames names,
                        Clock clock, ConversationEvents events) {
        this.events = events;
        this.bans = bans;
        this.tickets = tickets;
        this.names = names;
        this.store = store;
        this.session = session;
        this.threads = threads;
        this.queue = queue;
        this.activity = activity;
        this.transcript = transcript;
        this.escalations = escalations;
        this.card = card;
        this.desk = desk;
        this.messengers = messengers;
        this.orders = orders;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one staff action did: the new state and what goes to the buyer and into the thread. */
    private record Step(ConversationState state, List<Reply> toBuyer, List<String> toStaff, boolean showTranscript) {

        static Step tellStaff(ConversationState unchanged, String text) {
            return new Step(unchanged, List.of(), List.of(text), false);
        }
    }

    /**
     * The channel adapter admits members of the staff group; when {@code kefu.handoff.only-staff-ids} lists ids,
     * only those ids may act, even inside the group.
     */
    public boolean isStaff(String staffId) {
        return staffId != null && !staffId.isBlank()
                && (settings.onlyStaffIds().isEmpty() || settings.onlyStaffIds().contains(staffId));
    }

    @Override
    public void introduce(String staffId, String channelName) {
        if (isStaff(staffId)) {
            names.seen(staffId, channelName);
        }
    }

    @Override
    public ConversationKey buyerOf(String threadRef) {
        return threads.buyerOf(threadRef);
    }

    /** The buyer's staff thread, or null when the buyer was never handed to staff. */
    public String threadOf(ConversationKey buyer) {
        return store.peek(buyer).map(s -> s.fact(Facts.THREAD)).orElse(null);
    }

    /** Opens a thread for a buyer who never had one (staff stepping in), with the summary card. */
    public String openThreadFor(ConversationKey buyer) {
        String[] thread = new String[1];
        change(buyer, null, (s, now) -> {
            thread[0] = s.fact(Facts.THREAD);
            if (thread[0] != null) {
                return new Step(s, List.of(), List.of(), false);
            }
            Intent last = lastIntent(s);
            thread[0] = escalations.openThread(buyer, s, last);
            ConversationState next = s.withFact(Facts.THREAD, thread[0]);
            escalations.postCard(thread[0], buyer, next, last, "staff", texts.say("handoff.staff.queue_not_queued"),
                    null, true);
            return new Step(next, List.of(), List.of(), false);
        });
        return thread[0];
    }

    @Override
    public void message(String staffId, String threadRef, String text) {
        ConversationKey buyer = admittedBuyer(staffId, threadRef);
        if (buyer == null || text == null || text.isBlank()) {
            return;
        }
        List<ConversationEvent> happened = new ArrayList<>();
        change(buyer, threadRef, (s, now) -> {
            Optional<String> serving = s.handover().assignee();
            if (serving.isPresent() && !serving.get().equals(staffId)) {
                return Step.tellStaff(s, texts.say("handoff.staff.not_yours",
                        Map.of("alias", names.shown(serving.get()))));
            }
            if (!s.handover().withHumans()) {
                return Step.tellStaff(s, texts.say("handoff.staff.not_handed"));
            }
            String alias = names.shown(staffId);
            String said = names.nameOf(staffId)
                    .map(name -> texts.buyerText(s.lang(), "handoff.staff_says", Map.of("alias", name, "text", text.strip())))
                    .orElseGet(() -> texts.buyerText(s.lang(), "handoff.staff_says_unnamed", Map.of("text", text.strip())));
            // Writing in a queued thread takes the conversation: no separate /claim needed.
            List<String> notes = Handover.QUEUED.equals(s.handover())
                    ? List.of(texts.say("handoff.staff.claimed", Map.of("alias", alias))) : List.of();
            Duration sinceHandover = since(s, now);
            if (Handover.QUEUED.equals(s.handover())) {
                happened.add(new StaffJoined(buyer, now, staffId, sinceHandover));
            }
            happened.add(new StaffReplied(buyer, now, staffId, sinceHandover));
            ConversationState next = s.withHandover(Handover.staff(staffId)).withFact(Facts.QUEUE_NOTED, null)
                    .withFact(Facts.HANDED_AT, null)
                    .withHistory(new HistoryEntry(HistoryEntry.STAFF, said, null, now), session.historySize());
            return new Step(next, List.of(Reply.of(said)), notes, false);
        });
        happened.forEach(events::publish);
    }

    /** Time since the handover, until the first staff reply clears it; null when not known. */
    private static Duration since(ConversationState s, Instant now) {
        String at = s.fact(Facts.HANDED_AT);
        return at == null ? null : Duration.between(Instant.parse(at), now);
    }

    /**
     * A file staff send in the buyer's thread goes to the buyer, as a reply would (writing in a queued thread
     * takes the conversation); the history keeps its name. A channel that cannot carry files says so to staff.
     */
    @Override
    public void file(String staffId, String threadRef, Attachment file, String caption) {
        ConversationKey buyer = admittedBuyer(staffId, threadRef);
        if (buyer == null) {
            return;
        }
        boolean[] allowed = new boolean[1];
        List<ConversationEvent> happened = new ArrayList<>();
        change(buyer, threadRef, (s, now) -> {
            Optional<String> serving = s.handover().assignee();
            if (serving.isPresent() && !serving.get().equals(staffId)) {
                return Step.tellStaff(s, texts.say("handoff.staff.not_yours", Map.of("alias", names.shown(serving.get()))));
            }
            if (!s.handover().withHumans()) {
                return Step.tellStaff(s, texts.say("handoff.staff.not_handed"));
            }
            allowed[0] = true;
            List<String> notes = Handover.QUEUED.equals(s.handover())
                    ? List.of(texts.say("handoff.staff.claimed", Map.of("alias", names.shown(staffId)))) : List.of();
            String line = "[file] " + file.fileName() + (caption == null || caption.isBlank() ? "" : " " + caption.strip());
            Duration sinceHandover = since(s, now);
            if (Handover.QUEUED.equals(s.handover())) {
                happened.add(new StaffJoined(buyer, now, staffId, sinceHandover));
            }
            happened.add(new StaffReplied(buyer, now, staffId, sinceHandover));
            ConversationState next = s.withHandover(Handover.staff(staffId)).withFact(Facts.QUEUE_NOTED, null)
                    .withFact(Facts.HANDED_AT, null)
                    .withHistory(new HistoryEntry(HistoryEntry.STAFF, line, null, now), session.historySize());
            return new Step(next, List.of(), notes, false);
        });
        happened.forEach(events::publish);
        if (allowed[0] && !messengers.sendFile(buyer, file, caption)) {
            desk.post(threadRef, texts.say("handoff.staff.file_unsupported"), List.of());
        }
    }

    @Override
    public void command(String staffId, String threadRef, String command, String argument) {
        if (!admitted(staffId)) {
            return;
        }
        Optional<StaffCommand> known = StaffCommand.find(SlashCommand.bare(command));
        String arg = argument == null ? "" : argument.strip();
        if (known.isEmpty()) {
            desk.post(threadRef, texts.say("handoff.staff.help"), List.of());
            return;
        }
        switch (known.get()) {
            case CLAIM -> claim(staffId, !desk.isGeneral(threadRef) || arg.isEmpty() ? threadRef : stepInThread(arg));
            case CLOSE -> close(staffId, threadRef);
            case NOTE -> note(staffId, threadRef, arg);
            case ORDER -> desk.post(threadRef, arg.isEmpty() ? texts.say("handoff.staff.order_usage")
                    : orders.view(arg.toUpperCase(Locale.ROOT)) + contactsTyped(threadRef), List.of());
            case QUEUE -> desk.post(threadRef, queueListing(), List.of());
            case TICKET -> tickets.command(threadRef, arg);
            case ALIAS -> desk.post(threadRef, names.setAlias(staffId, arg)
                    ? texts.say("handoff.staff.alias_set", Map.of("alias", names.shown(staffId)))
                    : texts.say("handoff.staff.alias_usage", Map.of("max", StaffNames.MAX_LENGTH)), List.of());
            case BAN -> bans.ban(staffId, threadRef, arg);
            case UNBAN -> bans.unban(threadRef, arg);
        }
    }

    /** {@code /claim tg:123456} outside any thread: staff step into a buyer's conversation by its key. */
    private String stepInThread(String buyerKey) {
        try {
            return openThreadFor(ConversationKey.parse(buyerKey));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void button(String staffId, String threadRef, String data) {
        if (!admitted(staffId)) {
            return;
        }
        switch (data == null ? "" : data) {
            case SummaryCard.CLAIM -> claim(staffId, threadRef);
            case SummaryCard.CLOSE -> close(staffId, threadRef);
            default -> {
                if (data != null && data.startsWith(StaffTickets.BUTTON)) {
                    tickets.button(threadRef, data);
                } else {
                    desk.post(threadRef, texts.say("handoff.staff.help"), List.of());
                }
            }
        }
    }

    private void claim(String staffId, String threadRef) {
        ConversationKey buyer = admittedBuyer(staffId, threadRef);
        if (buyer == null) {
            return;
        }
        List<ConversationEvent> happened = new ArrayList<>();
        change(buyer, threadRef, (s, now) -> {
            if (s.handover().assignee().filter(staffId::equals).isPresent()) {
                return Step.tellStaff(s, texts.say("handoff.staff.already_yours"));
            }
            String alias = names.shown(staffId);
            // Without a name the greeting says "staff has joined", never "客服「客服」".
            String hello = names.nameOf(staffId)
                    .map(name -> texts.buyerText(s.lang(), "handoff.claimed", Map.of("alias", name)))
                    .orElseGet(() -> texts.buyerText(s.lang(), "handoff.claimed_unnamed", Map.of()));
            ConversationState next = s.endFlow().withHandover(Handover.staff(staffId)).withFact(Facts.QUEUE_NOTED, null)
                    .withFact(Facts.RATE_STAFF, null)
                    .withHistory(new HistoryEntry(HistoryEntry.BOT, hello, null, now), session.historySize());
            happened.add(new StaffJoined(buyer, now, staffId, since(s, now)));
            return new Step(next, List.of(Reply.of(hello)),
                    List.of(texts.say("handoff.staff.claimed", Map.of("alias", alias))), true);
        });
        happened.forEach(events::publish);
    }

    private void close(String staffId, String threadRef) {
        ConversationKey buyer = admittedBuyer(staffId, threadRef);
        if (buyer != null) {
            List<ConversationEvent> happened = new ArrayList<>();
            change(buyer, threadRef, (s, now) -> handBack(s, now, "handoff.closed",
                    texts.say(s.handover().assignee().isPresent() ? "handoff.staff.closed" : "handoff.staff.closed_unserved",
                            Map.of("alias", names.shown(staffId))),
                    closed -> happened.add(new ConversationClosed(buyer, now, closed, false))));
            happened.forEach(events::publish);
        }
    }

    /** Closes a conversation staff left quiet since {@code quietSince}; does nothing if it woke up meanwhile. */
    public void closeIdle(ConversationKey buyer, Instant quietSince) {
        List<ConversationEvent> happened = new ArrayList<>();
        change(buyer, null, (s, now) -> {
            boolean stillQuiet = activity.lastSeen(buyer).map(t -> !t.isAfter(quietSince)).orElse(false);
            if (s.handover().assignee().isEmpty() || !stillQuiet) {
                return new Step(s, List.of(), List.of(), false);
            }
            return handBack(s, now, "handoff.idle_closed", texts.say("handoff.staff.idle_closed",
                    Map.of("minutes", settings.idleClose().toMinutes())),
                    closed -> happened.add(new ConversationClosed(buyer, now, closed, true)));
        });
        happened.forEach(events::publish);
    }

    /** @param closed told who served (null: closed while still queued) when the conversation is handed back */
    private Step handBack(ConversationState s, Instant now, String buyerKey, String staffNote,
                          Consumer<String> closed) {
        if (!s.handover().withHumans()) {
            return Step.tellStaff(s, texts.say("handoff.staff.not_handed"));
        }
        String served = s.handover().assignee().orElse(null);
        // Nobody answered yet (closed while queued): there is no service to rate, so none is asked for.
        String bye = texts.buyerText(s.lang(), served == null ? "handoff.closed_unserved" : buyerKey, Map.of());
        List<Button> rate = served == null ? List.of() : IntStream.rangeClosed(1, 5)
                .mapToObj(n -> RatingButtonHandler.button(texts.buyerText(s.lang(), "handoff.rate." + n, Map.of()), n))
                .toList();
        closed.accept(served);
        ConversationState next = s.withHandover(Handover.CLOSED).withFallbackStreak(0).withFact(Facts.QUEUE_NOTED, null)
                .withFact(Facts.RATE_STAFF, served).withFact(Facts.RATING, null).withFact(Facts.HANDED_AT, null)
                .withHistory(new HistoryEntry(HistoryEntry.BOT, bye, null, now), session.historySize())
                .withOfferedButtons(rate.stream().map(Button::data).toList());
        return new Step(next, List.of(Reply.of(bye, rate)), List.of(staffNote), false);
    }

    private void note(String staffId, String threadRef, String text) {
        ConversationKey buyer = admittedBuyer(staffId, threadRef);
        if (buyer == null) {
            return;
        }
        if (text.isEmpty()) {
            desk.post(threadRef, texts.say("handoff.staff.note_usage"), List.of());
            return;
        }
        change(buyer, threadRef, (s, now) -> {
            // Internal: into the transcript only, never into the history answers may be built from.
            transcript.append(buyer, new HistoryEntry(Transcript.NOTE, names.shown(staffId) + "：" + text, null, now));
            return Step.tellStaff(s, texts.say("handoff.staff.noted"));
        });
    }

    /**
     * In a buyer's thread, {@code /order} also gives the phone numbers and emails the buyer typed, whole: the
     * card and transcript mask them, staff who need one to help ask for it here. Empty elsewhere.
     */
    private String contactsTyped(String threadRef) {
        ConversationKey buyer = desk.isGeneral(threadRef) ? null : threads.buyerOf(threadRef);
        if (buyer == null) {
            return "";
        }
        java.util.LinkedHashSet<String> contacts = new java.util.LinkedHashSet<>();
        // The transcript keeps more than the state; the state has what was said since the last sync.
        List<HistoryEntry> said = new ArrayList<>(transcript.last(buyer, TRANSCRIPT_LOOKBACK));
        store.peek(buyer).ifPresent(s -> said.addAll(s.history()));
        said.stream().filter(e -> HistoryEntry.BUYER.equals(e.role()))
                .forEach(e -> contacts.addAll(Masking.contacts(e.text())));
        return contacts.isEmpty() ? "" : "\n" + texts.say("handoff.staff.order_contacts",
                Map.of("contacts", String.join("，", contacts)));
    }

    private String queueListing() {
        List<HandoffQueue.Waiting> waiting = queue.waiting();
        if (waiting.isEmpty()) {
            return texts.say("handoff.staff.queue_empty");
        }
        Instant now = clock.instant();
        StringBuilder out = new StringBuilder(texts.say("handoff.staff.queue_head", Map.of("count", waiting.size())));
        int n = 0;
        for (HandoffQueue.Waiting w : waiting) {
            ConversationState s = store.peek(w.buyer()).orElse(ConversationState.fresh());
            String order = SummaryCard.lastOrder(s);
            out.append('\n').append(texts.say("handoff.staff.queue_line", Map.of("n", ++n,
                    "buyer", SummaryCard.masked(w.buyer()),
                    "minutes", Duration.between(w.since(), now).toMinutes(),
                    "reason", s.fact(Facts.REASON) == null ? "-" : card.reasonName(s.fact(Facts.REASON)),
                    "order", order == null ? texts.say("handoff.staff.no_order") : order)));
        }
        return out.toString();
    }

    private void change(ConversationKey buyer, String threadRef, BiFunction<ConversationState, Instant, Step> action) {
        // Not the buyer's turn: a banned or flooding buyer must not stop staff from answering or closing.
        Begin.Acquired acquired = store.beginAction(buyer, session.turnWait());
        Step step;
        try {
            Instant now = clock.instant();
            transcript.sync(buyer, acquired.state().history());
            step = action.apply(acquired.state(), now);
            if (step.state() == acquired.state()) {
                store.release(acquired.lease());
            } else {
                transcript.sync(buyer, step.state().history());
                store.commit(acquired.lease(), step.state().touchedAt(now));
            }
        } catch (RuntimeException e) {
            store.release(acquired.lease());
            throw e;
        }
        Handover owner = step.state().handover();
        if (owner.assignee().isPresent()) {
            queue.remove(buyer);
            activity.touch(buyer, clock.instant());
        } else if (!Handover.QUEUED.equals(owner)) {
            queue.remove(buyer);
            activity.remove(buyer);
        }
        messengers.send(buyer, step.toBuyer());
        String thread = threadRef != null ? threadRef : step.state().fact(Facts.THREAD);
        List<String> notes = new ArrayList<>(step.toStaff());
        if (step.showTranscript()) {
            notes.add(texts.say("handoff.staff.transcript", Map.of("transcript",
                    card.lines(transcript.last(buyer, settings.cardTurns())))));
        }
        for (String note : notes) {
            desk.post(thread, note, List.of());
        }
    }

    private boolean admitted(String staffId) {
        if (isStaff(staffId)) {
            return true;
        }
        log.warn("ignored an action by {}: not in kefu.handoff.only-staff-ids", staffId == null ? "-" : "a non-staff id");
        return false;
    }

    private ConversationKey admittedBuyer(String staffId, String threadRef) {
        if (!admitted(staffId)) {
            return null;
        }
        ConversationKey buyer = threads.buyerOf(threadRef);
        if (buyer == null) {
            desk.post(threadRef, texts.say("handoff.staff.unknown_thread"), List.of());
            return null;
        }
        return buyer;
    }

    private static Intent lastIntent(ConversationState s) {
        for (int i = s.history().size() - 1; i >= 0; i--) {
            String intent = s.history().get(i).intent();
            if (intent != null) {
                return Intent.find(intent).orElse(null);
            }
        }
        return null;
    }
}
