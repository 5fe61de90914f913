package kefu.channel.console;

import kefu.conversation.Reply;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code chat --json --follow}: while the chat runs, prints what reaches its users outside their turns — a staff
 * reply from the web desk in the serving process, a ticket's status change — as {@code {"user":..,"pushed":true,
 * "replies":[..]}} lines, polling each user's {@link CliInbox}. Only users this run has seen are followed.
 */
public final class CliFollower {

    private final CliInbox inbox;
    private final CliKeys keys;
    private final ChatLineCodec codec;
    private final Duration every;
    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private PrintStream out;

    public CliFollower(CliInbox inbox, CliKeys keys, ChatLineCodec codec, Duration every) {
        this.inbox = inbox;
        this.keys = keys;
        this.codec = codec;
        this.every = every;
    }

    public void watch(String user) {
        if (user != null) {
            users.add(user);
        }
    }

    public void start(PrintStream out) {
        this.out = out;
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chat-follow");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling, after one last look so nothing sent just before the input ended is left behind. */
    public void stop() throws InterruptedException {
        poller.shutdown();
        poller.awaitTermination(10, TimeUnit.SECONDS);
        poll();
    }

    private void poll() {
        for (String user : users) {
            try {
                List<Reply> replies = inbox.take(keys.key(user));
                if (!replies.isEmpty()) {
                    synchronized (out) {
                        out.println(codec.pushed(user, replies));
                        out.flush();
                    }
                }
            } catch (RuntimeException e) {
                synchronized (out) {
                    out.println(codec.error(user, "follow", e.getClass().getSimpleName()));
                }
            }
        }
    }
}
