package kefu.handoff;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.conversation.ConversationKey;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A staff desk as a channel would provide it, with its own opaque thread references; records every post. */
final class RecordingStaffDesk implements StaffDesk {

    record Post(String threadRef, String text, List<Button> buttons) { }

    final List<Post> posts = new CopyOnWriteArrayList<>();
    final List<String> opened = new CopyOnWriteArrayList<>();

    @Override
    public String openThread(ConversationKey buyer, String title) {
        String ref = "topic-" + Integer.toHexString(buyer.asString().hashCode());
        opened.add(ref + " " + title);
        return ref;
    }

    @Override
    public void post(String threadRef, String text, List<Button> buttons) {
        posts.add(new Post(threadRef, text, buttons));
    }

    @Override
    public void postFile(String threadRef, Attachment file, String caption) {
        posts.add(new Post(threadRef, "[file " + file.fileName() + "] " + caption, List.of()));
    }

    List<String> texts(String threadRef) {
        return posts.stream().filter(p -> threadRef.equals(p.threadRef())).map(Post::text).toList();
    }
}
