package kefu.channel.telegram;

import kefu.privacy.Pseudonym;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Accepts updates from polling or the webhook, queues them in their chat's lane and drains lanes on a
 * worker pool: updates of different chats run in parallel, those of one chat one after another.
 */
public final class UpdateDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final UpdateLanes lanes;
    private final ObjectMapper json;
    private final UpdateRoutes routes;
    private final Consumer<Update> handler;
    private final int workers;
    private final Duration sweepInterval;
    private final long heartbeatMillis;
    private final ConcurrentHashMap<String, Boolean> scheduled = new ConcurrentHashMap<>();
    private volatile ThreadPoolExecutor pool;
    private volatile ScheduledExecutorService sweeper;
    /** Lease heartbeats on their own thread: a slow sweep (a Redis round trip per lane shard) never delays one. */
    private volatile ScheduledExecutorService heartbeats;
    /** Set when the bot stops: the update in hand is finished, the rest stay queued for the next instance. */
    private volatile boolean closing;

    public UpdateDispatcher(UpdateLanes lanes, ObjectMapper json, UpdateRoutes routes, Consumer<Update> handler, int workers,
                            Duration sweepInterval) {
        this.lanes = lanes;
        this.json = json;
        this.routes = routes;
        this.handler = handler;
        this.workers = workers;
        this.sweepInterval = sweepInterval;
        this.heartbeatMillis = Math.max(100, lanes.lease().toMillis() / 3);
    }

    public synchronized void start() {
        if (pool != null) {
            return;
        }
        pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(workers, named("tg-update-", false));
        sweeper = Executors.newSingleThreadScheduledExecutor(named("tg-sweep-", true));
        heartbeats = Executors.newSingleThreadScheduledExecutor(named("tg-lease-", true));
        long every = sweepInterval.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** Queues the update (once per update id) and schedules its lane; false when it was a redelivery. */
    public boolean accept(Update update) {
        String lane = routes.lane(update);
        if (lane == null) {
            return false;
        }
        try {
            boolean fresh = lanes.enqueue(lane, update.getUpdateId(), json.writeValueAsString(update));
            schedule(lane);
            return fresh;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store update " + update.getUpdateId(), e);
        }
    }

    private void schedule(String lane) {
        ExecutorService p = pool;
        if (p == null || p.isShutdown()) {
            return;
        }
        if (scheduled.putIfAbsent(lane, Boolean.TRUE) == null) {
            try {
                p.execute(() -> drain(lane));
            } catch (RuntimeException e) {
                scheduled.remove(lane);
            }
        }
    }

    private void drain(String lane) {
        long left = 0;
        try {
            Optional<String> token = lanes.take(lane);
            if (token.isEmpty()) {
                return; // another instance drains it and will see what we queued
            }
            try {
                Optional<String> next;
                while (!closing && (next = lanes.head(lane)).isPresent()) {
                    // A slow update (a long retry_after, a slow answer) keeps the lane until it is done.
                    ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> lanes.renew(lane, token.get()),
                            heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
                    try {
                        handle(next.get());
                    } finally {
                        heartbeat.cancel(false);
                    }
                    if (!lanes.done(lane, token.get())) {
                        log.warn("lost the lease on lane {} while handling it", forLog(lane));
                        return;
                    }
                    if (!pool.getQueue().isEmpty()) {
                        break; // other chats wait for a worker: this one goes to the back of the line
                    }
                }
            } finally {
                scheduled.remove(lane);
                left = lanes.release(lane, token.get());
            }
        } catch (RuntimeException e) {
            log.error("draining lane {} failed", forLog(lane), e);
        } finally {
            scheduled.remove(lane);
        }
        if (left > 0 && !closing) {
            schedule(lane);
        }
    }

    private void handle(String body) {
        try {
            handler.accept(json.readValue(body, Update.class));
        } catch (JsonProcessingException e) {
            log.error("dropping an update that cannot be read: {}", e.getOriginalMessage());
        } catch (RuntimeException e) {
            // One broken update must not hold up the chat's later ones.
            log.error("handling an update failed", e);
        }
    }

    private void sweep() {
        try {
            lanes.pending().forEach(this::schedule);
        } catch (RuntimeException e) {
            log.warn("sweeping waiting lanes failed: {}", e.getMessage());
        }
    }

    private static ThreadFactory named(String prefix, boolean daemon) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(daemon);
            return t;
        };
    }

    @Override
    public synchronized void close() throws InterruptedException {
        closing = true;
        if (pool != null) {
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
        // Last: the updates still in hand renew their leases on it until they are done.
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
    }

    /**
     * A lane names a Telegram user ({@code buyer:<user id>}); logs show the kind and the conversation's
     * pseudonym (the one turn log lines use), never the id.
     */
    static String forLog(String lane) {
        int colon = lane.indexOf(':');
        if (colon < 0) {
            return Pseudonym.of(lane);
        }
        String id = lane.substring(colon + 1);
        return lane.substring(0, colon) + ":" + (id.matches("-?\\d{1,19}")
                ? Pseudonym.ofTelegramChat(Long.parseLong(id)) : Pseudonym.of(id));
    }
}
