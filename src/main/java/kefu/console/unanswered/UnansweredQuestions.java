package kefu.console.unanswered;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.console.hits.HitTesting;
import kefu.conversation.events.ConversationEvent;
import kefu.conversation.events.ConversationEvent.FallbackGiven;
import kefu.conversation.events.ConversationEvent.Rated;
import kefu.conversation.events.ConversationEventListener;
import kefu.privacy.Masking;
import kefu.privacy.Pseudonym;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The questions the bot could not answer ("not sure", no match, not understood) or whose conversation the buyer
 * rated down (1 or 2 of 5 after staff helped: the question the bot tried first), kept until an operator deals
 * with them: one Redis hash entry per distinct question (phone numbers and emails masked) with its count, when it
 * was last asked, and the conversation it was last asked in. At most {@value #KEEP} questions are kept, the
 * least recently asked dropped first.
 */
public final class UnansweredQuestions implements ConversationEventListener {

    static final int KEEP = 2000;
    /** The kind of a question whose conversation was rated down. */
    public static final String RATED_DOWN = "RATED_DOWN";

    /** One question as kept; {@code buyer} is the pseudonym of the conversation it was last asked in. */
    public record Question(String text, long count, Instant last, String kind, String buyer) { }

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final String key;

    public UnansweredQuestions(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
        this.key = keys.named("console", "unanswered");
    }

    @Override
    public void on(ConversationEvent event) {
        if (HitTesting.CHANNEL.equals(event.channel())) {
            return;
        }
        if (event instanceof FallbackGiven f) {
            keep(f.question(), f.kind().name(), f);
        } else if (event instanceof Rated r && r.down() && r.question() != null) {
            keep(r.question(), RATED_DOWN, r);
        }
    }

    private void keep(String question, String kind, ConversationEvent event) {
        String text = Masking.inText(question.strip());
        if (text.isEmpty() || text.length() > 300) {
            return;
        }
        long count = find(text).map(Question::count).orElse(0L) + 1;
        write(new Question(text, count, event.at(), kind, Pseudonym.of(event.buyer())));
        Long size = redis.opsForHash().size(key);
        if (size != null && size > KEEP) {
            all().stream().min(Comparator.comparing(Question::last)).ifPresent(q -> remove(List.of(q.text())));
        }
    }

    public List<Question> all() {
        return redis.opsForHash().values(key).stream().map(v -> read(v.toString())).toList();
    }

    public Optional<Question> find(String text) {
        Object raw = redis.opsForHash().get(key, text);
        return raw == null ? Optional.empty() : Optional.of(read(raw.toString()));
    }

    /** Dealt with (answered, out of scope, dismissed): no longer listed. */
    public void remove(Collection<String> texts) {
        if (!texts.isEmpty()) {
            redis.opsForHash().delete(key, texts.toArray());
        }
    }

    private void write(Question q) {
        try {
            redis.opsForHash().put(key, q.text(), json.writeValueAsString(q));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unanswered question cannot be written as JSON", e);
        }
    }

    private Question read(String raw) {
        try {
            return json.readValue(raw, Question.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored unanswered question is unreadable", e);
        }
    }
}
