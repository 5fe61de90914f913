package kefu.conversation.command;

import kefu.conversation.Intent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The commands a buyer may type. Those with an intent are answered like a typed request for it; {@code forget}
 * and {@code cancel} are handled by the engine and the forms. {@code menu} marks those shown in Telegram's
 * command menu.
 */
public enum BuyerCommand {
    START(Intent.GREETING, true),
    HELP(Intent.GREETING, true),
    MENU(Intent.GREETING, true),
    ORDER(Intent.ORDER_STATUS, true),
    BIND(Intent.ORDER_STATUS, true),
    HUMAN(Intent.HUMAN_HANDOFF, true),
    CANCEL(null, true),
    FORGET(null, false);

    private final Intent intent;
    private final boolean menu;

    BuyerCommand(Intent intent, boolean menu) {
        this.intent = intent;
        this.menu = menu;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The intent the command asks for, or empty for commands the engine handles itself. */
    public Optional<Intent> intent() {
        return Optional.ofNullable(intent);
    }

    public static Optional<BuyerCommand> find(SlashCommand command) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(command.name())).findFirst();
    }

    /** The commands listed in a chat app's command menu, in menu order. */
    public static List<BuyerCommand> menu() {
        return Arrays.stream(values()).filter(c -> c.menu).toList();
    }
}
