package kefu.conversation;

import java.time.Duration;

/**
 * What bounds one turn: the longest text read, how long a turn waits for the buyer's conversation, and how many
 * history entries are kept.
 */
public record TurnSettings(int maxTextLength, Duration turnWait, int historySize) {
}
