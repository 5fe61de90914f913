package kefu.conversation.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The commands staff may type in the staff desk (Telegram staff group, CLI staff console). */
public enum StaffCommand {
    CLAIM, CLOSE, NOTE, ORDER, QUEUE, TICKET, BAN, UNBAN, ALIAS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StaffCommand> find(SlashCommand command) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(command.name())).findFirst();
    }
}
