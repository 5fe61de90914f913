package kefu.handoff;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What staff are answered in the thread they wrote in, without any conversation changing: the help, an unknown
 * thread, an order's details ({@code /order}), the queue ({@code /queue}), their alias ({@code /alias}).
 */
public final class DeskAnswers {

    private final StaffDesk desk;
    private final StaffTexts texts;
    private final StaffOrderLookup orders;
    private final StaffNames names;
    private final QueueView queue;
    private final TypedContacts contacts;

    public DeskAnswers(StaffDesk desk, StaffTexts texts, StaffOrderLookup orders, StaffNames names, QueueView queue,
                       TypedContacts contacts) {
        this.desk = desk;
        this.texts = texts;
        this.orders = orders;
        this.names = names;
        this.queue = queue;
        this.contacts = contacts;
    }

    public void help(String threadRef) {
        say(threadRef, texts.say("handoff.staff.help"));
    }

    /** A buyer action given in a thread that belongs to no buyer (or outside any thread). */
    public void unknownThread(String threadRef) {
        say(threadRef, texts.say("handoff.staff.unknown_thread"));
    }

    public void noteUsage(String threadRef) {
        say(threadRef, texts.say("handoff.staff.note_usage"));
    }

    /**
     * In a buyer's thread the order's details come with the contacts the buyer typed; without a number, the
     * usage and those contacts (what the relays show masked).
     */
    public void order(String threadRef, Optional<String> number) {
        say(threadRef, number.map(orders::view).orElseGet(() -> texts.say("handoff.staff.order_usage"))
                + contacts.line(threadRef));
    }

    public void queue(String threadRef) {
        say(threadRef, queue.render());
    }

    public void alias(String staffId, String threadRef, String alias) {
        say(threadRef, names.setAlias(staffId, alias)
                ? texts.say("handoff.staff.alias_set", Map.of("alias", names.shown(staffId)))
                : texts.say("handoff.staff.alias_usage", Map.of("max", StaffNames.MAX_LENGTH)));
    }

    private void say(String threadRef, String text) {
        desk.post(threadRef, text, List.of());
    }
}
