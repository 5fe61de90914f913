package kefu.channel.console;

import kefu.conversation.ConversationKey;

import java.util.regex.Pattern;

/**
 * Conversation keys of chat CLI users. One {@code chat} run is one session: its users start fresh, as a script
 * sending each question "from a fresh user" expects, and nothing from an earlier run leaks in (a pending
 * handover, a half-filled form). {@code --session NAME} names the session, so a later run continues it.
 */
public record CliKeys(String session) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    public CliKeys {
        if (session != null && !NAME.matcher(session).matches()) {
            throw new IllegalArgumentException("a session name is 1-32 letters, digits, '_', '.' or '-'");
        }
    }

    /** Keys without a session: the user name alone (used by tests that drive the console directly). */
    public static CliKeys unscoped() {
        return new CliKeys(null);
    }

    public ConversationKey key(String user) {
        return new ConversationKey(ChatTurns.CHANNEL, session == null ? user : session + "/" + user);
    }
}
