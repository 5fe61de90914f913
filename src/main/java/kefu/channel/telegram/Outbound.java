package kefu.channel.telegram;

import kefu.conversation.Button;

import java.util.List;

/**
 * A message waiting in a chat's send queue. {@code topic} is the forum topic (0: the chat itself or a group's
 * General topic). A relay carries, besides its own text, a head and a line, so that several relays to one topic
 * can go out as one post ({@code head}, then one {@code line} per message); a file is a local copy to upload;
 * a copy names the message to copy ({@code source}: {@code <chat id>:<message id>}).
 */
public record Outbound(Kind kind, int topic, String text, List<Button> buttons, String head, String line,
                       String file, String fileName, String mimeType, String source) {

    /** What a message is, which decides its place in the queue. */
    public enum Kind {
        /** Staff commands' answers and staff replies to a buyer: before anything else queued for the chat. */
        URGENT,
        /** The bot's reply to a buyer's turn. */
        REPLY,
        /** A reply that only confirms a message was passed on: in the chat's order, but rationed like staff posts. */
        RECEIPT,
        /** The summary card of an escalation: at most one waits per topic; relays queued behind it join it. */
        CARD,
        /** A note in a topic's order (a buyer left the queue, a reminder). */
        NOTE,
        /** A buyer's message relayed to staff: merged with the relays queued right behind it. */
        RELAY,
        /** A file relayed as a photo or a document. */
        FILE,
        /** A buyer's voice, video or sticker, copied whole from their chat (copyMessage). */
        COPY
    }

    public Outbound {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static Outbound text(Kind kind, int topic, String text, List<Button> buttons) {
        return new Outbound(kind, topic, text, buttons, null, null, null, null, null, null);
    }

    public static Outbound relay(int topic, String text, String head, String line) {
        return new Outbound(Kind.RELAY, topic, text, List.of(), head, line, null, null, null, null);
    }

    public static Outbound file(int topic, String path, String fileName, String mimeType, String caption) {
        return new Outbound(Kind.FILE, topic, caption, List.of(), null, null, path, fileName, mimeType, null);
    }

    public static Outbound copy(int topic, String source) {
        return new Outbound(Kind.COPY, topic, null, List.of(), null, null, null, null, null, source);
    }

    public boolean urgent() {
        return kind == Kind.URGENT;
    }

    /**
     * Whether this message leaves part of the shared windows free: posts to a group (cards, relays, notes, files)
     * and receipts may wait, so that buyers' answers and staff's words never queue behind them at a full window.
     */
    public boolean rationed(long chatId) {
        return kind == Kind.RECEIPT || (chatId < 0 && kind != Kind.URGENT && kind != Kind.REPLY);
    }
}
