package kefu.nlu;

import kefu.conversation.Classification;
import kefu.conversation.Intent;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Telegram-style commands ({@code /start}, {@code /human@ShopBot}) mapped to intents, with the command's argument. */
public final class SlashCommands {

    private static final Map<String, Intent> COMMANDS = Map.of(
            "start", Intent.GREETING,
            "help", Intent.GREETING,
            "menu", Intent.GREETING,
            "human", Intent.HUMAN_HANDOFF,
            "order", Intent.ORDER_STATUS,
            "bind", Intent.ORDER_STATUS,
            "unbind", Intent.ORDER_STATUS);

    public Optional<Classification> match(String text) {
        if (!text.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = text.substring(1).split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        Intent intent = COMMANDS.get(name);
        if (intent == null) {
            return Optional.empty();
        }
        String argument = parts.length > 1 ? parts[1].strip() : "";
        return Optional.of(new Classification(intent, 1.0, Map.of("command", name, "argument", argument)));
    }

    /** The command name of {@code text} ("cancel" for "/cancel@ShopBot"), or empty when it is not a command. */
    public Optional<String> name(String text) {
        if (!text.startsWith("/") || text.length() < 2) {
            return Optional.empty();
        }
        String name = text.substring(1).split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        return Optional.of(at >= 0 ? name.substring(0, at) : name);
    }
}
