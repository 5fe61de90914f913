package kefu.console;

import kefu.conversation.Attachment;
import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.handoff.BuyerMessenger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A buyer channel ({@code pic}) that carries files, recording what reached each buyer, bytes included. */
final class PictureChannel implements BuyerMessenger {

    record Sent(ConversationKey buyer, String text, String mimeType, byte[] bytes, String caption) { }

    final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public String channel() {
        return "pic";
    }

    @Override
    public void send(ConversationKey buyer, List<Reply> replies) {
        replies.forEach(r -> sent.add(new Sent(buyer, r.text(), null, null, null)));
    }

    @Override
    public boolean sendFile(ConversationKey buyer, Attachment file, String caption) {
        try {
            sent.add(new Sent(buyer, null, file.mimeType(), Files.readAllBytes(Path.of(file.localPath())), caption));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Sent> files(ConversationKey buyer) {
        return sent.stream().filter(s -> s.buyer().equals(buyer) && s.bytes() != null).toList();
    }
}
