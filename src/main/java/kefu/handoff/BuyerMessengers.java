package kefu.handoff;

import kefu.conversation.Attachment;
import kefu.conversation.ConversationKey;
import kefu.conversation.Media;
import kefu.conversation.Reply;
import kefu.privacy.Pseudonym;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Delivers messages to a buyer outside their turn through the messenger of the buyer's channel. */
public final class BuyerMessengers {

    private static final Logger log = LoggerFactory.getLogger(BuyerMessengers.class);

    private final Map<String, BuyerMessenger> byChannel = new HashMap<>();

    public BuyerMessengers(List<BuyerMessenger> messengers) {
        for (BuyerMessenger m : messengers) {
            BuyerMessenger clash = byChannel.put(m.channel(), m);
            if (clash != null) {
                throw new IllegalStateException("two buyer messengers for channel " + m.channel());
            }
        }
    }

    public void send(ConversationKey buyer, List<Reply> replies) {
        if (replies.isEmpty()) {
            return;
        }
        BuyerMessenger messenger = byChannel.get(buyer.channel());
        if (messenger == null) {
            log.warn("no messenger for channel {}: {} message(s) to chat={} not delivered", buyer.channel(),
                    replies.size(), Pseudonym.of(buyer));
            return;
        }
        messenger.send(buyer, replies);
    }

    /** A file from staff; false when the buyer's channel cannot carry it. */
    public boolean sendFile(ConversationKey buyer, Attachment file, String caption) {
        BuyerMessenger messenger = byChannel.get(buyer.channel());
        return messenger != null && messenger.sendFile(buyer, file, caption);
    }

    /** Media from staff, passed on whole; false when the buyer's channel cannot carry it. */
    public boolean sendMedia(ConversationKey buyer, Media media) {
        BuyerMessenger messenger = byChannel.get(buyer.channel());
        return messenger != null && messenger.sendMedia(buyer, media);
    }
}
