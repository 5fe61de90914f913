package kefu.handoff;

import kefu.conversation.ConversationKey;

import java.util.Optional;

/**
 * A staff command or card button once read ({@link StaffCommandParser}): what staff asked for, before anyone
 * checks that they may ({@link StaffPolicy}) and before it is carried out ({@link StaffActions}).
 */
public sealed interface StaffRequest {

    /**
     * {@code /claim} or the card's 接手 button. Outside a buyer's thread {@code /claim tg:123456} steps into that
     * buyer's conversation ({@code stepInto}, empty when the argument is no buyer key); inside one the argument
     * does not matter.
     *
     * @param namesBuyer an argument was given
     */
    record Claim(boolean namesBuyer, Optional<ConversationKey> stepInto) implements StaffRequest {

        /** The card's button, or {@code /claim} without an argument. */
        public static Claim here() {
            return new Claim(false, Optional.empty());
        }
    }

    /** {@code /close} or the card's 结束 button. */
    record Close() implements StaffRequest {
    }

    /** {@code /note text}: an internal note ("" when none was given). */
    record Note(String text) implements StaffRequest {
    }

    /** {@code /order K...}: the order number in upper case, or empty when none was given. */
    record Order(Optional<String> number) implements StaffRequest {
    }

    /** {@code /queue}. */
    record ShowQueue() implements StaffRequest {
    }

    /** {@code /ticket [T… [status note]]}, read by the ticket desk itself. */
    record Ticket(String argument) implements StaffRequest {
    }

    /** A button on a ticket card (data starting with {@link StaffTickets#BUTTON}). */
    record TicketButton(String data) implements StaffRequest {
    }

    /** {@code /alias NAME} ("" when none was given). */
    record Alias(String alias) implements StaffRequest {
    }

    /** {@code /ban [buyer] [reason]}, read by {@link StaffBans}. */
    record Ban(String argument) implements StaffRequest {
    }

    /** {@code /unban [buyer]}, read by {@link StaffBans}. */
    record Unban(String argument) implements StaffRequest {
    }

    /** A command or button staff cannot give: they are shown the help. */
    record Unknown() implements StaffRequest {
    }
}
