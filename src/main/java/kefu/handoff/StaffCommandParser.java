package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.command.SlashCommand;
import kefu.conversation.command.StaffCommand;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads what staff typed or pressed into a {@link StaffRequest}. Command names come from the staff command
 * registry ({@link StaffCommand}), given with or without the slash and a {@code @BotName}; pure, no state.
 */
public final class StaffCommandParser {

    /** {@code command} is the command's name as typed; {@code argument} the rest of the line (null for none). */
    public StaffRequest command(String command, String argument) {
        String arg = argument == null ? "" : argument.strip();
        Optional<StaffCommand> known = StaffCommand.find(SlashCommand.bare(command));
        if (known.isEmpty()) {
            return new StaffRequest.Unknown();
        }
        return switch (known.get()) {
            case CLAIM -> new StaffRequest.Claim(!arg.isEmpty(), buyerKey(arg));
            case CLOSE -> new StaffRequest.Close();
            case NOTE -> new StaffRequest.Note(arg);
            case ORDER -> new StaffRequest.Order(arg.isEmpty() ? Optional.empty()
                    : Optional.of(arg.toUpperCase(Locale.ROOT)));
            case QUEUE -> new StaffRequest.ShowQueue();
            case TICKET -> new StaffRequest.Ticket(arg);
            case ALIAS -> new StaffRequest.Alias(arg);
            case BAN -> new StaffRequest.Ban(arg);
            case UNBAN -> new StaffRequest.Unban(arg);
        };
    }

    /** Button data from a summary card or a ticket card. */
    public StaffRequest button(String data) {
        if (SummaryCard.CLAIM.equals(data)) {
            return StaffRequest.Claim.here();
        }
        if (SummaryCard.CLOSE.equals(data)) {
            return new StaffRequest.Close();
        }
        if (data != null && data.startsWith(StaffTickets.BUTTON)) {
            return new StaffRequest.TicketButton(data);
        }
        return new StaffRequest.Unknown();
    }

    /** {@code tg:123456}; anything unreadable names nobody. */
    private static Optional<ConversationKey> buyerKey(String argument) {
        if (argument.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConversationKey.parse(argument));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
