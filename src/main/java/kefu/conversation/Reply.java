package kefu.conversation;

import java.util.List;

/**
 * One message to the buyer. {@code privateOnly} marks replies that carry secrets (redemption codes, card
 * passwords): a channel must never post them anywhere but the owner's private chat. {@code receipt} marks a
 * note that only confirms something was passed on ("your message reached staff"): when sending is rationed a
 * channel lets it wait behind other buyers' answers.
 */
public record Reply(String text, List<Button> buttons, boolean privateOnly, boolean receipt) {

    public Reply {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public Reply(String text, List<Button> buttons, boolean privateOnly) {
        this(text, buttons, privateOnly, false);
    }

    public static Reply of(String text) {
        return new Reply(text, List.of(), false);
    }

    public static Reply of(String text, List<Button> buttons) {
        return new Reply(text, buttons, false);
    }

    public static Reply receipt(String text) {
        return new Reply(text, List.of(), false, true);
    }
}
