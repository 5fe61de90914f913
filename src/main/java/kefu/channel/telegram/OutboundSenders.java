package kefu.channel.telegram;

import kefu.privacy.Pseudonym;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    /** A sender hands a chat back after this long, so a chat with a long queue does not keep a thread. */
    private static final long SLICE_MS = 2_000;
    private static final int MERGED_MAX_CHARS = 3_800;
    /** While Redis is down the queues are looked at less and less often, up to this. */
    private static final long OUTAGE_MAX_WAIT_MS = 5_000;

    private final OutboundQueue queue;
    private final SendRateLimiter limiter;
    private final TelegramSender sender;
    private final OutboxProperties settings;
    private final int maxAttempts;
    private final Set<Long> draining = ConcurrentHashMap.newKeySet();
    /** Chats something was queued for while they were being drained: drained again after. */
    private final Set<Long> again = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> failures = new ConcurrentHashMap<>();
    private final OutageBackoff outage;
    private volatile ExecutorService pool;
    private volatile ScheduledExecutorService timer;
    private volatile Thread poller;
    private volatile boolean running;

    public OutboundSenders(OutboundQueue queue, SendRateLimiter limiter, TelegramSender sender, TelegramOutbox outbox,
                           OutboxProperties settings, int maxAttempts) {
        this.queue = queue;
        this.limiter = limiter;
        this.sender = sender;
        this.settings = settings;
        this.maxAttempts = maxAttempts;
        this.outage = new OutageBackoff(50, OUTAGE_MAX_WAIT_MS);
        outbox.onQueued(this::offer);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        try {
            int moved = queue.adoptLegacy();
            if (moved > 0) {
                log.info("moved the send queues of {} chats into the sharded queues", moved);
            }
        } catch (RuntimeException e) {
            log.warn("could not look for send queues of an earlier version: {}", e.getMessage());
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(settings.senders(), r -> new Thread(r, "tg-send-" + n.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tg-send-timer");
            t.setDaemon(true);
            return t;
        });
        poller = new Thread(this::poll, "tg-send-poll");
        poller.setDaemon(true);
        poller.start();
    }

    /** Something was queued for the chat (or its window opened): a sender of this instance posts it now. */
    void offer(long chat) {
        ExecutorService senders = pool;
        if (!running || senders == null) {
            return;
        }
        if (!draining.add(chat)) {
            again.add(chat);
            return;
        }
        try {
            senders.execute(() -> drain(chat));
        } catch (RuntimeException e) {
            draining.remove(chat);
        }
    }

    /**
     * Looks at every shard's ready set now and then, for chats another instance put off or left behind (this
     * instance's own are offered when queued and when their window opens). While Redis is down it backs off
     * and says so once.
     */
    private void poll() {
        long every = Math.max(5, settings.poll().toMillis());
        while (running) {
            long wait = every;
            try {
                queue.due(256).forEach(this::offer);
                long lasted = outage.succeeded(System.currentTimeMillis());
                if (lasted >= 0) {
                    log.info("the send queues are reachable again after {} ms", lasted);
                }
            } catch (RuntimeException e) {
                wait = outage.failed(System.currentTimeMillis());
                if (running && outage.justStarted()) {
                    log.warn("the send queues are unreachable ({}); trying again every few seconds, quietly",
                            e.getMessage());
                } else {
                    log.debug("the send queues are still unreachable; next look in {} ms", wait);
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void drain(long chat) {
        try {
            OutboundQueue.Hold hold = queue.take(chat, settings.mergeMax());
            if (hold == null) {
                return; // another sender (or instance) posts to this chat now, it waits for its window, or it is empty
            }
            String token = hold.token();
            OutboundQueue.Batch batch = hold.batch();
            try {
                long until = System.currentTimeMillis() + SLICE_MS;
                while (batch != null && running) {
                    if (System.currentTimeMillis() > until) {
                        queue.later(chat, token, System.currentTimeMillis(), true);
                        schedule(chat, 0);
                        return;
                    }
                    batch = sendNext(chat, token, batch);
                }
            } finally {
                if (batch != null) {
                    queue.release(chat, token); // stopped: what is left stays queued for the next start
                }
            }
        } catch (DataAccessException e) {
            log.debug("posting to chat {} waits for Redis: {}", Pseudonym.ofTelegramChat(chat), e.getMessage());
        } catch (RuntimeException e) {
            log.error("posting to chat {} failed", Pseudonym.ofTelegramChat(chat), e);
        } finally {
            draining.remove(chat);
            if (again.remove(chat)) {
                offer(chat);
            }
        }
    }

    private void schedule(long chat, long delayMillis) {
        ScheduledExecutorService t = timer;
        if (running && t != null) {
            try {
                t.schedule(() -> offer(chat), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
            } catch (RuntimeException stopping) {
                // closing: the chat stays queued for the next start
            }
        }
    }

    /**
     * Sends the batch's next post; returns the chat's next batch, or null when the chat was let go (empty, put
     * off until its window opens or a retry, or dropped because the buyer blocked the bot).
     */
    private OutboundQueue.Batch sendNext(long chat, String token, OutboundQueue.Batch batch) {
        List<Outbound> items = batch.items();
        int count = mergeable(items);
        Outbound first = items.get(0);
        boolean rationed = !batch.urgent() && first.rationed(chat);
        SendRateLimiter.Attempt slot = limiter.tryAcquire(chat, rationed ? settings.groupReserve() : 0,
                rationed ? settings.globalReserve() : 0);
        if (!slot.granted()) {
            long at = System.currentTimeMillis() + slot.waitMillis();
            OutboundQueue.Batch urgentNow = queue.later(chat, token, at, batch.urgent());
            if (urgentNow == null) {
                schedule(chat, slot.waitMillis());
            }
            return urgentNow;
        }
        TelegramSender.Try sent;
        try {
            Integer topic = first.topic() > 0 ? first.topic() : null;
            sent = switch (first.kind()) {
                case FILE -> sender.tryFile(chat, topic, first.file(), first.fileName(), first.mimeType(), first.text());
                case COPY -> sender.tryCopy(chat, topic, Long.parseLong(first.source().substring(0,
                        first.source().lastIndexOf(':'))), Integer.parseInt(first.source().substring(
                        first.source().lastIndexOf(':') + 1)));
                default -> sender.tryText(chat, topic, text(items, count), first.buttons());
            };
        } finally {
            limiter.complete(slot.permit());
        }
        if (sent.delivery() == TelegramSender.Delivery.BLOCKED) {
            log.info("dropping what waits for chat {}: it blocked the bot", Pseudonym.ofTelegramChat(chat));
            queue.clear(chat).forEach(OutboundSenders::discard);
            queue.release(chat, token);
            return null;
        }
        if (sent.retry()) {
            int failed = failures.merge(chat, 1, Integer::sum);
            if (failed < maxAttempts) {
                queue.later(chat, token, System.currentTimeMillis() + sent.retryAfterMillis(), true);
                schedule(chat, sent.retryAfterMillis());
                return null;
            }
            log.error("gave up a message to chat {} after {} tries", Pseudonym.ofTelegramChat(chat), failed);
        }
        failures.remove(chat);
        OutboundQueue.Batch next = queue.done(chat, token, batch, count, settings.mergeMax());
        items.subList(0, count).forEach(OutboundSenders::discard);
        return next;
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
        if (timer != null) {
            timer.shutdownNow();
        }
        if (pool != null) {
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }
}
