package kefu.conversation.command;

import java.util.Locale;
import java.util.Optional;

/**
 * A command as typed: {@code /name@BotName argument}. The one place that reads that syntax, for buyers, staff,
 * both Telegram adapters and the chat CLI.
 *
 * @param name      lower-case, without the slash and the bot name
 * @param addressee the bot name after {@code @} (lower-case), or null when the command names no bot
 * @param argument  the rest of the line, stripped ("" when none)
 */
public record SlashCommand(String name, String addressee, String argument) {

    /** {@code text} as a command, or empty when it does not start with a slash and a name. */
    public static Optional<SlashCommand> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!t.startsWith("/") || t.length() < 2 || Character.isWhitespace(t.charAt(1))) {
            return Optional.empty();
        }
        return Optional.of(bare(t.substring(1)));
    }

    /**
     * A command name given with or without its slash and bot name ({@code close}, {@code /close@ShopBot}),
     * followed by an optional argument.
     */
    public static SlashCommand bare(String text) {
        String t = text == null ? "" : text.strip();
        t = t.startsWith("/") ? t.substring(1) : t;
        String[] parts = t.split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String addressee = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            addressee = name.substring(at + 1);
            name = name.substring(0, at);
        }
        return new SlashCommand(name, addressee, parts.length > 1 ? parts[1].strip() : "");
    }

    /** Names no bot, or names this one ({@code username} compared without case). */
    public boolean addressedTo(String username) {
        return addressee == null || addressee.equals(username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    public boolean is(BuyerCommand command) {
        return command.wireName().equals(name);
    }
}
