package kefu.channel.console;

import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.handoff.BuyerMessenger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages to chat CLI buyers outside their own turn (what staff write, the rating request): kept until the
 * console prints them in the output line of the staff action that caused them.
 */
public final class CliBuyerMessenger implements BuyerMessenger {

    private static final int KEEP = 200;

    private final Map<ConversationKey, List<Reply>> pending = new ConcurrentHashMap<>();

    @Override
    public String channel() {
        return ChatTurns.CHANNEL;
    }

    @Override
    public void send(ConversationKey buyer, List<Reply> replies) {
        List<Reply> queue = pending.computeIfAbsent(buyer, k -> new ArrayList<>());
        synchronized (queue) {
            queue.addAll(replies);
            while (queue.size() > KEEP) {
                queue.remove(0);
            }
        }
    }

    /** What was sent to the buyer since the last call, oldest first. */
    public List<Reply> drain(ConversationKey buyer) {
        List<Reply> queue = pending.get(buyer);
        if (queue == null) {
            return List.of();
        }
        synchronized (queue) {
            List<Reply> out = List.copyOf(queue);
            queue.clear();
            return out;
        }
    }
}
