package kefu.console.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.console.conversations.ConversationFinder;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events for the web desk: each open desk page gets the conversation's new transcript lines
 * ({@code line}) and changes of who serves the buyer ({@code owner}) without reloading. The conversation lives in
 * Redis and may change in any process (the buyer's Telegram turn on another instance, a {@code chat} process),
 * so one thread looks at every watched conversation each {@code every} and sends what is new.
 */
public final class DeskFeed {

    private static final Logger log = LoggerFactory.getLogger(DeskFeed.class);
    /** An open page reconnects by itself (EventSource) after this. */
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    /** A quiet stream gets a comment this often, so a page that went away is noticed and dropped. */
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final ConversationFinder finder;
    private final ObjectMapper json;
    private final Duration every;
    private final Map<SseEmitter, Watch> watches = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;

    /** What a page has been sent so far: the last transcript line and the owner. */
    private static final class Watch {
        final ConversationKey buyer;
        ConversationFinder.Line last;
        String owner;
        long lastSent = System.currentTimeMillis();

        Watch(ConversationKey buyer, ConversationFinder.Line last, String owner) {
            this.buyer = buyer;
            this.last = last;
            this.owner = owner;
        }
    }

    public DeskFeed(ConversationFinder finder, ObjectMapper json, Duration every) {
        this.finder = finder;
        this.json = json;
        this.every = every;
    }

    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "desk-feed");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        watches.keySet().forEach(SseEmitter::complete);
    }

    /** Follows the conversation from the state the page was drawn from: only later lines are sent. */
    public SseEmitter open(ConversationKey buyer, ConversationState drawn) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        List<ConversationFinder.Line> lines = finder.transcript(drawn);
        watches.put(emitter, new Watch(buyer, lines.isEmpty() ? null : lines.get(lines.size() - 1), drawn.handover().wireName()));
        emitter.onCompletion(() -> watches.remove(emitter));
        emitter.onTimeout(() -> watches.remove(emitter));
        emitter.onError(e -> watches.remove(emitter));
        try {
            // The response's headers go out with its first bytes: this opens the page's EventSource at once.
            emitter.send(SseEmitter.event().comment("following"));
        } catch (IOException e) {
            watches.remove(emitter);
            emitter.completeWithError(e);
        }
        return emitter;
    }

    int watching() {
        return watches.size();
    }

    void tick() {
        watches.forEach((emitter, watch) -> {
            try {
                Optional<ConversationState> s = finder.state(watch.buyer);
                if (s.isPresent()) {
                    send(emitter, watch, s.get());
                }
            } catch (IOException | RuntimeException e) {
                // The page went away (or Redis hiccupped): the browser reconnects if it is still open.
                log.debug("desk feed: {}", e.toString());
                watches.remove(emitter);
                emitter.completeWithError(e);
            }
        });
    }

    private void send(SseEmitter emitter, Watch watch, ConversationState s) throws IOException {
        List<ConversationFinder.Line> lines = finder.transcript(s);
        for (ConversationFinder.Line line : after(lines, watch.last)) {
            emitter.send(SseEmitter.event().name("line").data(json.writeValueAsString(Map.of("role", line.role(),
                    "text", line.text(), "at", String.valueOf(line.at()))), MediaType.APPLICATION_JSON));
            watch.last = line;
            watch.lastSent = System.currentTimeMillis();
        }
        String owner = s.handover().wireName();
        if (!Objects.equals(owner, watch.owner)) {
            emitter.send(SseEmitter.event().name("owner").data(owner));
            watch.owner = owner;
            watch.lastSent = System.currentTimeMillis();
        }
        if (System.currentTimeMillis() - watch.lastSent > KEEP_ALIVE_MILLIS) {
            emitter.send(SseEmitter.event().comment("keep-alive"));
            watch.lastSent = System.currentTimeMillis();
        }
    }

    /**
     * The lines after the last one sent. The transcript is capped, so the last sent line may have dropped out:
     * then every line later than it is new.
     */
    static List<ConversationFinder.Line> after(List<ConversationFinder.Line> lines, ConversationFinder.Line last) {
        if (last == null) {
            return lines;
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).equals(last)) {
                return lines.subList(i + 1, lines.size());
            }
        }
        return lines.stream().filter(l -> l.at() != null && last.at() != null && l.at().isAfter(last.at())).toList();
    }
}
