package kefu.handoff;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationKey;
import kefu.conversation.HistoryEntry;
import kefu.session.RedisKeys;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTest extends AppTest {

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisKeys keys;
    @Autowired
    ObjectMapper json;

    private final ConversationKey buyer = new ConversationKey("test", uniqueUser());
    private final Instant sameInstant = Instant.parse("2026-11-26T02:00:00Z");

    private static List<HistoryEntry> window(List<HistoryEntry> all, int keep) {
        return all.subList(Math.max(0, all.size() - keep), all.size());
    }

    @Test
    void syncingASlidingHistoryWindowCopiesEachLineOnceEvenWithinOneInstant() {
        Transcript transcript = new Transcript(redis, keys, json, 100, Duration.ofHours(1));
        List<HistoryEntry> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(new HistoryEntry(i % 2 == 0 ? HistoryEntry.BUYER : HistoryEntry.BOT, "line " + i, null, sameInstant));
            transcript.sync(buyer, window(all, 6));
            if (i == 10) {
                transcript.append(buyer, new HistoryEntry(Transcript.NOTE, "internal", null, sameInstant));
            }
            transcript.sync(buyer, window(all, 6));
        }

        List<HistoryEntry> kept = transcript.last(buyer, 100);
        assertThat(kept).filteredOn(e -> !e.role().equals(Transcript.NOTE)).extracting(HistoryEntry::text)
                .containsExactlyElementsOf(all.stream().map(HistoryEntry::text).toList());
        assertThat(kept).extracting(HistoryEntry::text).contains("internal");
    }

    @Test
    void theTranscriptIsCappedAndExpires() {
        Transcript transcript = new Transcript(redis, keys, json, 10, Duration.ofMinutes(5));
        List<HistoryEntry> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(new HistoryEntry(HistoryEntry.BUYER, "m" + i, null, sameInstant.plusSeconds(i)));
            transcript.sync(buyer, window(all, 4));
        }

        assertThat(transcript.last(buyer, 100)).hasSize(10).last().extracting(HistoryEntry::text).isEqualTo("m24");
        assertThat(redis.getExpire(keys.transcript(buyer))).isBetween(1L, 300L);
    }
}
