package kefu.session;

import kefu.conversation.ConversationBusyException;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore;
import kefu.conversation.HistoryEntry;
import kefu.conversation.LeaseLostException;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisConversationStoreTest extends AppTest {

    @Autowired
    ConversationStore store;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisKeys keys;
    @Autowired
    SessionProperties settings;

    private final ConversationKey key = new ConversationKey("test", uniqueUser());

    @Test
    void savedStateIsReadBackAndCarriesTheIdleTtl() {
        var begin = (ConversationStore.Begin.Acquired) store.begin(key, "m1", Duration.ofSeconds(1));
        assertThat(begin.state()).isEqualTo(ConversationState.fresh());

        store.commit(begin.lease(), begin.state().startFlow("after_sales").withSlot("order", "K1"));

        assertThat(store.peek(key)).get().satisfies(s -> {
            assertThat(s.flow()).isEqualTo("after_sales");
            assertThat(s.slot("order")).isEqualTo("K1");
        });
        long ttl = redis.getExpire(keys.state(key));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(settings.idleTtl().toSeconds())
                .isGreaterThan(settings.idleTtl().toSeconds() - 60);
    }

    @Test
    void aMessageIdAlreadyCommittedIsADuplicate() {
        var first = (ConversationStore.Begin.Acquired) store.begin(key, "same", Duration.ofSeconds(1));
        store.commit(first.lease(), first.state());

        assertThat(store.begin(key, "same", Duration.ofSeconds(1))).isInstanceOf(ConversationStore.Begin.Duplicate.class);
        assertThat(store.begin(key, "other", Duration.ofSeconds(1))).isInstanceOf(ConversationStore.Begin.Acquired.class);
    }

    @Test
    void aReleasedTurnMayBeHandledAgain() {
        var first = (ConversationStore.Begin.Acquired) store.begin(key, "retry", Duration.ofSeconds(1));
        store.release(first.lease());

        assertThat(store.begin(key, "retry", Duration.ofSeconds(1))).isInstanceOf(ConversationStore.Begin.Acquired.class);
    }

    @Test
    void aSecondTurnWaitsForTheLeaseAndGivesUpWhenItIsHeldTooLong() {
        store.begin(key, "a", Duration.ofSeconds(1));

        assertThatThrownBy(() -> store.begin(key, "b", Duration.ofMillis(200)))
                .isInstanceOf(ConversationBusyException.class);
    }

    @Test
    void aCommitWithALostLeaseIsRefused() {
        var first = (ConversationStore.Begin.Acquired) store.begin(key, "x", Duration.ofSeconds(1));
        redis.delete(keys.lock(key));
        var second = (ConversationStore.Begin.Acquired) store.begin(key, "y", Duration.ofSeconds(1));

        assertThatThrownBy(() -> store.commit(first.lease(), first.state().withFact("lost", "yes")))
                .isInstanceOf(LeaseLostException.class);
        store.commit(second.lease(), second.state());
        assertThat(store.peek(key)).get().extracting(s -> s.fact("lost")).isNull();
    }

    @Test
    void unreadableStoredStateStartsTheConversationOver() {
        redis.opsForValue().set(keys.state(key), "{not json");

        var begin = (ConversationStore.Begin.Acquired) store.begin(key, null, Duration.ofSeconds(1));

        assertThat(begin.state()).isEqualTo(ConversationState.fresh());
        store.release(begin.lease());
    }

    @Test
    void forgetRemovesTheConversation() {
        var begin = (ConversationStore.Begin.Acquired) store.begin(key, null, Duration.ofSeconds(1));
        store.commit(begin.lease(), begin.state().withHistory(
                new HistoryEntry(HistoryEntry.BUYER, "hi", "greeting", Instant.now()), 5));

        store.forget(key);

        assertThat(store.peek(key)).isEmpty();
    }
}
