package kefu.conversation;

import java.time.Instant;

/** One line of the recent dialogue kept in the conversation state (who said what, and when). */
public record HistoryEntry(String role, String text, String intent, Instant at) {

    public static final String BUYER = "buyer";
    public static final String BOT = "bot";
    public static final String STAFF = "staff";
}
