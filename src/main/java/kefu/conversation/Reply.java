package kefu.conversation;

import java.util.List;

/**
 * One message to the buyer. {@code privateOnly} marks replies that carry secrets (redemption codes, card
 * passwords): a channel must never post them anywhere but the owner's private chat.
 */
public record Reply(String text, List<Button> buttons, boolean privateOnly) {

    public Reply {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static Reply of(String text) {
        return new Reply(text, List.of(), false);
    }

    public static Reply of(String text, List<Button> buttons) {
        return new Reply(text, buttons, false);
    }
}
