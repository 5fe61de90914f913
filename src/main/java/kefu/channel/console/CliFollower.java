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
 * While a terminal chat runs, hands over what reaches its users outside their turns — a staff reply from the
 * web desk in the serving process, a ticket's status change — polling each user's {@link CliInbox}. Only users
 * this run has seen are followed. {@code chat --json --follow} prints them as {@code {"user":..,"pushed":true,
 * "replies":[..]}} lines; the interactive chat as the bot's lines.
 */
public final class CliFollower {

    /** Where pushed messages go. */
    public interface Sink {
        void pushed(String user, List<Reply> replies);

        void failed(String user, RuntimeException e);
    }

    private final CliInbox inbox;
    private final CliKeys keys;
    private final Duration every;
    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private Sink sink;

    public CliFollower(CliInbox inbox, CliKeys keys, Duration every) {
        this.inbox = inbox;
        this.keys = keys;
        this.every = every;
    }

    /** The JSON chat's sink: one line per user and poll, written under the stream's lock like the answers. */
    public static Sink jsonLines(ChatLineCodec codec, PrintStream out) {
        return new Sink() {
            @Override
            public void pushed(String user, List<Reply> replies) {
                synchronized (out) {
                    out.println(codec.pushed(user, replies));
                    out.flush();
                }
            }

            @Override
            public void failed(String user, RuntimeException e) {
                synchronized (out) {
                    out.println(codec.error(user, "follow", e.getClass().getSimpleName()));
                }
            }
        };
    }

    public void watch(String user) {
        if (user != null) {
            users.add(user);
        }
    }

    public void start(Sink sink) {
        this.sink = sink;
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
                    sink.pushed(user, replies);
                }
            } catch (RuntimeException e) {
                sink.failed(user, e);
            }
        }
    }
}
