package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A buyer messenger for the {@code test} channel that records what it was asked to deliver. */
final class RecordingMessenger implements BuyerMessenger {

    record Sent(ConversationKey buyer, Reply reply) { }

    final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public String channel() {
        return "test";
    }

    @Override
    public void send(ConversationKey buyer, List<Reply> replies) {
        replies.forEach(r -> sent.add(new Sent(buyer, r)));
    }

    List<String> texts(ConversationKey buyer) {
        return sent.stream().filter(s -> s.buyer().equals(buyer)).map(s -> s.reply().text()).toList();
    }
}
