package kefu.console.overview;

import kefu.console.hits.HitTesting;
import kefu.conversation.events.ConversationEvent;
import kefu.conversation.events.ConversationEvent.ConversationClosed;
import kefu.conversation.events.ConversationEvent.FallbackGiven;
import kefu.conversation.events.ConversationEvent.FallbackKind;
import kefu.conversation.events.ConversationEvent.HandedOver;
import kefu.conversation.events.ConversationEvent.OrderLookedUp;
import kefu.conversation.events.ConversationEvent.OrderUrged;
import kefu.conversation.events.ConversationEvent.Rated;
import kefu.conversation.events.ConversationEvent.StaffJoined;
import kefu.conversation.events.ConversationEvent.StaffReplied;
import kefu.conversation.events.ConversationEvent.TicketFiled;
import kefu.conversation.events.ConversationEvent.TurnAnswered;
import kefu.conversation.events.ConversationEventListener;
import kefu.privacy.Masking;
import kefu.privacy.Pseudonym;
import kefu.session.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the overview's daily figures in Redis as conversations happen (no log scraping): counts, intents,
 * articles, unanswered questions, waits, and how each day's conversations stand. A day's keys expire
 * {@code keepDays} after it.
 * <p>
 * Events are written in the background, all that came in during {@link #FLUSH_EVERY} in one pipelined round
 * trip (on a Redis Cluster, one per write), so a buyer's turn never waits on the figures. Stopping the bot
 * writes what is pending; a crash loses at most that interval of figures, never a conversation.
 */
public final class ConversationCounters implements ConversationEventListener, AutoCloseable {

    static final Duration FLUSH_EVERY = Duration.ofMillis(250);
    /** Beyond this many unwritten events (Redis down for a long while) new ones are dropped and counted. */
    private static final int MAX_PENDING = 50_000;
    private static final Logger log = LoggerFactory.getLogger(ConversationCounters.class);

    private final StringRedisTemplate redis;
    private final DailyKeys keys;
    private final ZoneId zone;
    private final Duration keep;
    private final BlockingQueue<ConversationEvent> pending = new LinkedBlockingQueue<>(MAX_PENDING);
    private final AtomicLong dropped = new AtomicLong();
    private final ScheduledExecutorService writer;

    public ConversationCounters(StringRedisTemplate redis, RedisKeys keys, ZoneId zone, int keepDays) {
        this.redis = redis;
        this.keys = new DailyKeys(keys);
        this.zone = zone;
        this.keep = Duration.ofDays(keepDays + 1L);
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-counters");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void on(ConversationEvent event) {
        if (HitTesting.CHANNEL.equals(event.channel())) {
            return;
        }
        if (!pending.offer(event) && dropped.incrementAndGet() % 1_000 == 1) {
            log.warn("overview figures: {} event(s) dropped, Redis has not taken them for a while", dropped.get());
        }
    }

    /** Writes every event received so far; what the overview then reads includes them. */
    public synchronized void flush() {
        List<ConversationEvent> batch = new ArrayList<>();
        pending.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        try {
            write(batch);
        } catch (RuntimeException e) {
            batch.forEach(pending::offer);   // tried again at the next flush, as far as there is room
            throw e;
        }
    }

    private void write(List<ConversationEvent> batch) {
        redis.execute((RedisCallback<Object>) connection -> {
            // A Redis Cluster connection (Jedis) cannot pipeline: there the writes go one by one.
            boolean pipelined = !(connection instanceof RedisClusterConnection);
            if (pipelined) {
                connection.openPipeline();
            }
            try {
                StringRedisConnection c = new DefaultStringRedisConnection(connection);
                List<String> touched = new ArrayList<>();
                for (ConversationEvent event : batch) {
                    write(c, event, event.at().atZone(zone).toLocalDate(), Pseudonym.of(event.buyer()), touched);
                }
                for (String key : touched.stream().distinct().toList()) {
                    c.expire(key, keep.toSeconds());
                }
            } finally {
                if (pipelined) {
                    connection.closePipeline();
                }
            }
            return null;
        });
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("overview figures not written yet (kept for the next try): {}", e.toString());
        }
    }

    /** On shutdown: what is pending is written before Redis goes. */
    @Override
    public void close() {
        writer.shutdown();
        flushQuietly();
    }

    private void write(StringRedisConnection c, ConversationEvent event, LocalDate day, String buyer,
                       List<String> touched) {
        if (event instanceof TurnAnswered t) {
            count(c, day, Counter.TURNS, touched);
            if (t.intent() != null) {
                c.zIncrBy(keys.intents(day), 1, t.intent().wireName());
                touched.add(keys.intents(day));
            }
            if (t.articleId() != null) {
                c.zIncrBy(keys.articles(day), 1, t.articleId());
                touched.add(keys.articles(day));
            }
            switch (t.outcome()) {
                case ANSWERED -> {
                    count(c, day, Counter.ANSWERED, touched);
                    c.hSet(keys.conversations(day), buyer, "a");
                }
                case UNANSWERED -> c.hSet(keys.conversations(day), buyer, "u");
                // A notice or a message relayed to staff leaves the conversation as it stood.
                default -> c.hSetNX(keys.conversations(day), buyer, "o");
            }
            touched.add(keys.conversations(day));
        } else if (event instanceof FallbackGiven f) {
            count(c, day, f.kind() == FallbackKind.NOT_UNDERSTOOD ? Counter.FALLBACKS : Counter.NOT_SURE, touched);
            c.hSet(keys.conversations(day), buyer, "u");
            c.zIncrBy(keys.unanswered(day), 1, Masking.inText(f.question()));
            touched.add(keys.conversations(day));
            touched.add(keys.unanswered(day));
        } else if (event instanceof HandedOver) {
            count(c, day, Counter.HANDOVERS, touched);
            c.sAdd(keys.handed(day), buyer);
            touched.add(keys.handed(day));
        } else if (event instanceof StaffJoined j) {
            count(c, day, Counter.STAFF_JOINED, touched);
            if (j.waited() != null) {
                c.rPush(keys.waits(day), Long.toString(j.waited().toSeconds()));
                touched.add(keys.waits(day));
            }
        } else if (event instanceof StaffReplied r) {
            count(c, day, Counter.STAFF_REPLIES, touched);
            if (r.first()) {
                c.rPush(keys.firstReplies(day), Long.toString(r.sinceHandover().toSeconds()));
                touched.add(keys.firstReplies(day));
            }
        } else if (event instanceof ConversationClosed) {
            count(c, day, Counter.CLOSED, touched);
        } else if (event instanceof Rated r) {
            count(c, day, Counter.RATINGS, touched);
            count(c, day, Counter.rated(r.score()), touched);
            c.hIncrBy(keys.counts(day), Counter.RATING_SUM.field(), r.score());
        } else if (event instanceof OrderLookedUp) {
            count(c, day, Counter.ORDERS_LOOKED_UP, touched);
        } else if (event instanceof OrderUrged) {
            count(c, day, Counter.ORDERS_URGED, touched);
        } else if (event instanceof TicketFiled) {
            count(c, day, Counter.TICKETS_FILED, touched);
        }
    }

    private void count(StringRedisConnection c, LocalDate day, Counter counter, List<String> touched) {
        c.hIncrBy(keys.counts(day), counter.field(), 1);
        touched.add(keys.counts(day));
    }
}
