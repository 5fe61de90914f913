package kefu.channel.telegram;

import kefu.privacy.Pseudonym;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts what the {@link TelegramOutbox} queued. A chat whose window is full is put off until it opens and its
 * sender goes on with other chats, so one busy staff group holds up nothing else. Per chat: urgent messages
 * first, then the topic whose oldest message is oldest; a card or relay at the head of a topic takes the relays
 * queued right behind it into the same post.
 */
public final class OutboundSenders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboundSenders.class);
    private static final long LEASE_MS = 60_000;
    /** A sender hands a chat back after this long, so a chat with a long queue does not keep a thread. */
    private static final long SLICE_MS = 2_000;
    private static final int MERGED_MAX_CHARS = 3_800;

    private final OutboundQueue queue;
    private final SendRateLimiter limiter;
    private final TelegramSender sender;
    private final OutboxProperties settings;
    private final int maxAttempts;
    private final Set<Long> draining = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> failures = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile ExecutorService pool;
    private volatile Thread poller;
    private volatile boolean running;

    public OutboundSenders(OutboundQueue queue, SendRateLimiter limiter, TelegramSender sender, TelegramOutbox outbox,
                           OutboxProperties settings, int maxAttempts) {
        this.queue = queue;
        this.limiter = limiter;
        this.sender = sender;
        this.settings = settings;
        this.maxAttempts = maxAttempts;
        outbox.onQueued(wake::release);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(settings.senders(), r -> new Thread(r, "tg-send-" + n.incrementAndGet()));
        poller = new Thread(this::poll, "tg-send-poll");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        long every = Math.max(5, settings.poll().toMillis());
        while (running) {
            try {
                for (String chat : queue.due(256)) {
                    long id = Long.parseLong(chat);
                    if (draining.add(id)) {
                        try {
                            pool.execute(() -> drain(id));
                        } catch (RuntimeException e) {
                            draining.remove(id);
                        }
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("checking the send queues failed: {}", e.getMessage());
                }
            }
            try {
                if (wake.tryAcquire(every, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void drain(long chat) {
        try {
            String token = queue.claim(chat, LEASE_MS);
            if (token == null) {
                return; // another sender (or instance) posts to this chat now
            }
            try {
                long until = System.currentTimeMillis() + SLICE_MS;
                while (running) {
                    OutboundQueue.Batch batch = queue.peek(chat, settings.mergeMax());
                    if (batch == null) {
                        if (queue.idle(chat)) {
                            return;
                        }
                        continue;
                    }
                    if (!sendNext(chat, batch)) {
                        return;
                    }
                    if (System.currentTimeMillis() > until) {
                        queue.later(chat, System.currentTimeMillis(), true);
                        return;
                    }
                }
            } finally {
                queue.release(chat, token);
            }
        } catch (RuntimeException e) {
            log.error("posting to chat {} failed", Pseudonym.ofTelegramChat(chat), e);
        } finally {
            draining.remove(chat);
            wake.release(); // what was put off during this drain is looked at again
        }
    }

    /** Sends the batch's next post; false when the chat has to wait (its window, a retry, a block). */
    private boolean sendNext(long chat, OutboundQueue.Batch batch) {
        List<Outbound> items = batch.items();
        int count = mergeable(items);
        Outbound first = items.get(0);
        int reserve = batch.urgent() || first.kind() == Outbound.Kind.REPLY ? 0 : settings.groupReserve();
        SendRateLimiter.Attempt slot = limiter.tryAcquire(chat, reserve);
        if (!slot.granted()) {
            return !queue.later(chat, System.currentTimeMillis() + slot.waitMillis(), batch.urgent()) && running;
        }
        TelegramSender.Try sent;
        try {
            Integer topic = first.topic() > 0 ? first.topic() : null;
            sent = first.kind() == Outbound.Kind.FILE
                    ? sender.tryFile(chat, topic, first.file(), first.fileName(), first.mimeType(), first.text())
                    : sender.tryText(chat, topic, text(items, count), first.buttons());
        } finally {
            limiter.complete(slot.permit());
        }
        if (sent.delivery() == TelegramSender.Delivery.BLOCKED) {
            log.info("dropping what waits for chat {}: it blocked the bot", Pseudonym.ofTelegramChat(chat));
            queue.clear(chat).forEach(OutboundSenders::discard);
            return false;
        }
        if (sent.retry()) {
            int failed = failures.merge(chat, 1, Integer::sum);
            if (failed < maxAttempts) {
                queue.later(chat, System.currentTimeMillis() + sent.retryAfterMillis(), true);
                return false;
            }
            log.error("gave up a message to chat {} after {} tries", Pseudonym.ofTelegramChat(chat), failed);
        }
        failures.remove(chat);
        queue.done(chat, batch, count);
        items.subList(0, count).forEach(OutboundSenders::discard);
        return true;
    }

    /** How many of the topic's first items go out as one post: a card or relay and the relays right behind it. */
    private static int mergeable(List<Outbound> items) {
        Outbound first = items.get(0);
        boolean head = first.kind() == Outbound.Kind.CARD || (first.kind() == Outbound.Kind.RELAY && first.line() != null);
        if (!head) {
            return 1;
        }
        int n = 1;
        int chars = first.text().length();
        while (n < items.size()) {
            Outbound next = items.get(n);
            if (next.kind() != Outbound.Kind.RELAY || next.line() == null
                    || chars + next.line().length() + next.head().length() + 2 > MERGED_MAX_CHARS) {
                break;
            }
            chars += next.line().length() + 1;
            n++;
        }
        return n;
    }

    /** One post of {@code count} items: a lone relay as it is, else the head (or card) and one line per relay. */
    static String text(List<Outbound> items, int count) {
        Outbound first = items.get(0);
        if (count == 1) {
            return first.text();
        }
        StringBuilder out = new StringBuilder();
        if (first.kind() == Outbound.Kind.CARD) {
            out.append(first.text()).append("\n\n").append(items.get(1).head());
            for (int i = 1; i < count; i++) {
                out.append('\n').append(items.get(i).line());
            }
        } else {
            out.append(first.head());
            for (int i = 0; i < count; i++) {
                out.append('\n').append(items.get(i).line());
            }
        }
        return out.toString();
    }

    private static void discard(Outbound message) {
        if (message.file() != null) {
            try {
                Files.deleteIfExists(Path.of(message.file()));
            } catch (IOException e) {
                log.warn("a sent file copy could not be deleted: {}", e.getMessage());
            }
        }
    }

    /** Stops posting; what is still queued stays in Redis for the next start. */
    @Override
    public synchronized void close() throws InterruptedException {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
        if (pool != null) {
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }
}
