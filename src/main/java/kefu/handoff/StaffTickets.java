package kefu.handoff;

/**
 * Staff's handle on the after-sales tickets, urges and cancel requests the bot keeps for shops without their own:
 * {@code /ticket} lists the open ones, {@code /ticket T…} shows one with its evidence, {@code /ticket T… resolved 说明}
 * or {@code rejected 理由} (or {@code processing}) changes it and tells the buyer; the buttons on a ticket card do the same.
 */
public interface StaffTickets {

    /** Button data on ticket cards start with this. */
    String BUTTON = "ticket:";

    void command(String threadRef, String argument);

    void button(String threadRef, String data);
}
