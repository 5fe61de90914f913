package kefu.console.conversations;

import kefu.console.hits.HitTesting;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.HistoryEntry;
import kefu.privacy.Masking;
import kefu.privacy.Pseudonym;
import kefu.conversation.ConversationStore;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds conversations kept in Redis by the buyer's pseudonym (as in the logs), an order number or words they
 * contain, and reads one as staff see it: buyer ids and phone numbers or emails in the text masked. Walks the
 * stored conversations with SCAN, so it never blocks Redis.
 */
public final class ConversationFinder {

    private static final int MAX_RESULTS = 50;
    private static final int MAX_SCANNED = 20_000;

    /** One conversation in a result list. */
    public record Found(String pseudonym, String buyer, String channel, String owner, Instant updated,
                        String lastBuyerText, int messages) { }

    /** One line of a transcript as shown. */
    public record Line(String role, String text, Instant at, String intent) { }

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ConversationStore store;

    public ConversationFinder(StringRedisTemplate redis, RedisKeys keys, ConversationStore store) {
        this.redis = redis;
        this.keys = keys;
        this.store = store;
    }

    /** Newest first; an empty query lists the most recent conversations. */
    public List<Found> find(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<Found> found = new ArrayList<>();
        for (ConversationKey key : stored()) {
            Optional<ConversationState> state = store.peek(key);
            if (state.isEmpty()) {
                continue;
            }
            String pseudonym = Pseudonym.of(key);
            if (q.isEmpty() || pseudonym.startsWith(q) || mentions(state.get(), q)) {
                found.add(summary(key, pseudonym, state.get()));
            }
        }
        return found.stream().sorted(Comparator.comparing(Found::updated, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(MAX_RESULTS).toList();
    }

    /** The conversation whose pseudonym this is. */
    public Optional<ConversationKey> byPseudonym(String pseudonym) {
        for (ConversationKey key : stored()) {
            if (Pseudonym.of(key).equals(pseudonym)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    public Optional<ConversationState> state(ConversationKey key) {
        return store.peek(key);
    }

    public List<Line> transcript(ConversationState state) {
        return state.history().stream().map(h -> new Line(h.role(), Masking.inText(h.text()), h.at(), h.intent())).toList();
    }

    public Found summary(ConversationKey key, String pseudonym, ConversationState s) {
        String last = null;
        for (int i = s.history().size() - 1; i >= 0 && last == null; i--) {
            if (HistoryEntry.BUYER.equals(s.history().get(i).role())) {
                last = Masking.inText(s.history().get(i).text());
            }
        }
        return new Found(pseudonym, masked(key), key.channel(), s.handover().wireName(), s.updatedAt(), last,
                s.history().size());
    }

    /** A buyer id staff can tell apart without reading it in full: {@code tg:12****89}. */
    public static String masked(ConversationKey buyer) {
        String id = buyer.userId();
        String shown = id.length() <= 4 ? id.charAt(0) + "***"
                : id.substring(0, 2) + "*".repeat(Math.min(4, id.length() - 4)) + id.substring(id.length() - 2);
        return buyer.channel() + ":" + shown;
    }

    private static boolean mentions(ConversationState s, String q) {
        if (s.facts().values().stream().anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(q))) {
            return true;
        }
        return s.history().stream().anyMatch(h -> h.text() != null && h.text().toLowerCase(Locale.ROOT).contains(q));
    }

    private List<ConversationKey> stored() {
        String head = keys.prefix() + "conv:{";
        List<ConversationKey> out = new ArrayList<>();
        ScanOptions options = ScanOptions.scanOptions().match(head + "*").count(500).build();
        try (Cursor<String> cursor = redis.scan(options)) {
            while (cursor.hasNext() && out.size() < MAX_SCANNED) {
                String k = cursor.next();
                if (k.endsWith("}")) {
                    try {
                        ConversationKey key = ConversationKey.parse(k.substring(head.length(), k.length() - 1));
                        if (!HitTesting.CHANNEL.equals(key.channel())) {
                            out.add(key);
                        }
                    } catch (IllegalArgumentException e) {
                        // Not a conversation key: skip it.
                    }
                }
            }
        }
        return out;
    }
}
