package kefu.channel.console;

import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.handoff.BuyerMessenger;

import java.util.List;

/**
 * Messages to chat CLI buyers outside their own turn (what staff write, the rating request, a ticket's change):
 * put in the buyer's {@link CliInbox}, from which the staff line that caused them, or {@code chat --follow} in
 * whatever process serves the buyer, takes them.
 */
public final class CliBuyerMessenger implements BuyerMessenger {

    private final CliInbox inbox;

    public CliBuyerMessenger(CliInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public String channel() {
        return ChatTurns.CHANNEL;
    }

    @Override
    public void send(ConversationKey buyer, List<Reply> replies) {
        inbox.put(buyer, replies);
    }

    /** What was sent to the buyer since the last call, oldest first. */
    public List<Reply> drain(ConversationKey buyer) {
        return inbox.take(buyer);
    }
}
