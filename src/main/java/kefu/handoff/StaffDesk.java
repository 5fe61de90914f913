package kefu.handoff;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.conversation.ConversationKey;
import kefu.conversation.Media;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where staff see escalated conversations (port, implemented by a channel adapter): on Telegram a forum
 * supergroup with one topic per buyer. A thread is identified by the adapter's own reference string; the
 * handoff capability keeps the thread-to-buyer index itself (see {@link StaffInbox#buyerOf}).
 * Without a channel desk, an in-process {@link InMemoryStaffDesk} is used (the chat CLI shows it).
 */
public interface StaffDesk {

    /** Opens the buyer's thread, or reopens the one it had, and returns its reference (stable per buyer is best). */
    String openThread(ConversationKey buyer, String title);

    /**
     * Opens the buyer's thread as {@link #openThread(ConversationKey, String)}; a desk of several groups may
     * place a new thread by {@code category} (the shop's product category of the order in play), asked only then.
     */
    default String openThread(ConversationKey buyer, String title, Supplier<Optional<String>> category) {
        return openThread(buyer, title);
    }

    /** Whether the reference is a general thread (null, or a group's own general thread on a desk of several). */
    default boolean isGeneral(String threadRef) {
        return threadRef == null;
    }

    /**
     * Posts a message (summary card, relayed buyer text, reminder, answer to a staff command) into a thread.
     * A null {@code threadRef} means the desk's general thread (a command given outside any buyer's topic,
     * such as {@code /queue}). Button data are staff actions, handed back through {@link StaffInbox#button}:
     * {@code staff:claim} (接手) and {@code staff:close} (结束).
     */
    void post(String threadRef, String text, List<Button> buttons);

    /**
     * Posts the summary card of an escalation, before whatever is relayed into the thread after it. A desk
     * that queues posts keeps at most one card waiting per thread.
     */
    default void postCard(String threadRef, String text, List<Button> buttons) {
        post(threadRef, text, buttons);
    }

    /**
     * Posts a note that belongs in the thread's order with the buyer's messages (a reminder, the buyer left the
     * queue). {@link #post} is for answers to staff, which a desk that queues sends before buyer traffic.
     */
    default void postInOrder(String threadRef, String text) {
        post(threadRef, text, List.of());
    }

    /** Relays a buyer's message into their thread; a desk that is behind may merge several into one post. */
    default void relay(String threadRef, RelayedMessage message) {
        post(threadRef, message.text(), List.of());
    }

    /**
     * Relays voice, video or a sticker the buyer sent: the note says what it was; a desk on the buyer's channel
     * passes the message itself on after it (on Telegram, copied whole). Others show the note alone.
     */
    default void relayMedia(String threadRef, Media media, RelayedMessage note) {
        relay(threadRef, note);
    }

    /** Relays a file the buyer sent into a thread. */
    void postFile(String threadRef, Attachment file, String caption);
}
