package kefu.handoff;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.conversation.ConversationKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff desk used when no channel provides one (the chat CLI): keeps what is posted per thread, so the
 * CLI can show it to the staff member at the console. The thread reference is the buyer's conversation key;
 * posts without a thread go to the general thread {@code ""}.
 */
public final class InMemoryStaffDesk implements StaffDesk {

    private static final Logger log = LoggerFactory.getLogger(InMemoryStaffDesk.class);
    private static final String GENERAL = "";
    private static final int KEEP = 500;

    /** One thing posted into a thread; {@code file} is set for relayed files. */
    public record Post(String threadRef, String text, List<Button> buttons, Attachment file) {
        public Post {
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }
    }

    private final Map<String, List<Post>> all = new ConcurrentHashMap<>();
    private final Map<String, List<Post>> unread = new ConcurrentHashMap<>();

    @Override
    public String openThread(ConversationKey buyer, String title) {
        String ref = buyer.asString();
        record(new Post(ref, title, List.of(), null));
        return ref;
    }

    @Override
    public void post(String threadRef, String text, List<Button> buttons) {
        record(new Post(threadRef == null ? GENERAL : threadRef, text, buttons, null));
    }

    @Override
    public void postFile(String threadRef, Attachment file, String caption) {
        record(new Post(threadRef == null ? GENERAL : threadRef, caption, List.of(), file));
    }

    /** Everything posted into a thread (the newest {@value #KEEP}), oldest first; null is the general thread. */
    public List<Post> posts(String threadRef) {
        List<Post> posts = all.getOrDefault(threadRef == null ? GENERAL : threadRef, List.of());
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** What was posted into a thread since the last call, oldest first. */
    public List<Post> drain(String threadRef) {
        List<Post> posts = unread.get(threadRef == null ? GENERAL : threadRef);
        if (posts == null) {
            return List.of();
        }
        synchronized (posts) {
            List<Post> out = List.copyOf(posts);
            posts.clear();
            return out;
        }
    }

    private void record(Post post) {
        add(all, post);
        add(unread, post);
        log.debug("staff desk: {} characters posted", post.text() == null ? 0 : post.text().length());
    }

    private static void add(Map<String, List<Post>> byThread, Post post) {
        List<Post> posts = byThread.computeIfAbsent(post.threadRef(), t -> new ArrayList<>());
        synchronized (posts) {
            posts.add(post);
            if (posts.size() > KEEP) {
                posts.remove(0);
            }
        }
    }
}
