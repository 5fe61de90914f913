package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.Intent;
import kefu.conversation.events.ConversationEvent;
import kefu.conversation.events.ConversationEvent.ConversationClosed;
import kefu.conversation.events.ConversationEvent.FallbackGiven;
import kefu.conversation.events.ConversationEvent.FallbackKind;
import kefu.conversation.events.ConversationEvent.HandedOver;
import kefu.conversation.events.ConversationEvent.OrderLookedUp;
import kefu.conversation.events.ConversationEvent.Rated;
import kefu.conversation.events.ConversationEvent.StaffJoined;
import kefu.conversation.events.ConversationEvent.StaffReplied;
import kefu.conversation.events.ConversationEvent.TurnAnswered;
import kefu.conversation.events.ConversationEvent.TurnOutcome;
import kefu.conversation.events.ConversationEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine and the handoff report what happens in a conversation to every listener bean, as it happens. */
@Import(ConversationEventsTest.Recorder.class)
class ConversationEventsTest extends HandoffTestBase {

    static class Recorder {
        @Bean
        RecordingListener recordingListener() {
            return new RecordingListener();
        }
    }

    static final class RecordingListener implements ConversationEventListener {
        final List<ConversationEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void on(ConversationEvent event) {
            events.add(event);
        }

        List<ConversationEvent> of(ConversationKey buyer) {
            return events.stream().filter(e -> e.buyer().equals(buyer)).toList();
        }
    }

    @Autowired
    RecordingListener recorder;
    @Autowired
    HandoffQueue queue;

    private final String buyer = uniqueUser();

    @BeforeEach
    void duringServiceHours() {
        at(11, 0);
    }

    /** The handoff tests share a key prefix: a buyer left waiting would stand in their queue. */
    @AfterEach
    void leaveNobodyWaiting() {
        queue.remove(cli(buyer));
    }

    @Test
    void anAnsweredQuestionNamesItsArticle() throws Exception {
        chat(says(buyer, "话费充值多久到账"));

        TurnAnswered turn = only(TurnAnswered.class);
        assertThat(turn.intent()).isEqualTo(Intent.FAQ);
        assertThat(turn.outcome()).isEqualTo(TurnOutcome.ANSWERED);
        assertThat(turn.articleId()).isNotBlank();
        assertThat(turn.channel()).isEqualTo("cli");
        assertThat(turn.latency()).isPositive();
    }

    @Test
    void twoMessagesNotUnderstoodAreFallbacksAndTheSecondHandsOver() throws Exception {
        chat(says(buyer, "阿巴阿巴阿巴"), says(buyer, "咕噜咕噜咕噜"));

        List<FallbackGiven> fallbacks = all(FallbackGiven.class);
        assertThat(fallbacks).extracting(FallbackGiven::question).containsExactly("阿巴阿巴阿巴", "咕噜咕噜咕噜");
        assertThat(fallbacks).extracting(FallbackGiven::kind).containsOnly(FallbackKind.NOT_UNDERSTOOD);
        assertThat(only(HandedOver.class).reason()).isEqualTo("fallback");
        assertThat(all(TurnAnswered.class)).extracting(TurnAnswered::outcome)
                .containsExactly(TurnOutcome.OTHER, TurnOutcome.HANDED_OVER);
    }

    @Test
    void aStaffConversationReportsTheWaitTheFirstReplyTheCloseAndTheRating() throws Exception {
        chat(says(buyer, "转人工"));
        later(Duration.ofMinutes(4));
        chat(staffSays("agent1", buyer, "您好，我来看看"));
        later(Duration.ofMinutes(1));
        chat(staffSays("agent1", buyer, "已处理"), says(buyer, "好的谢谢"), staffRuns("agent1", buyer, "/close"),
                presses(buyer, "rate:5"));

        assertThat(only(HandedOver.class).reason()).isEqualTo("asked");
        StaffJoined joined = only(StaffJoined.class);
        assertThat(joined.staffId()).isEqualTo("agent1");
        assertThat(joined.waited()).isEqualTo(Duration.ofMinutes(4));
        List<StaffReplied> replies = all(StaffReplied.class);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).first()).isTrue();
        assertThat(replies.get(0).sinceHandover()).isEqualTo(Duration.ofMinutes(4));
        assertThat(replies.get(1).first()).isFalse();
        assertThat(all(TurnAnswered.class)).extracting(TurnAnswered::outcome).contains(TurnOutcome.WITH_STAFF);
        ConversationClosed closed = only(ConversationClosed.class);
        assertThat(closed.staffId()).isEqualTo("agent1");
        assertThat(closed.idle()).isFalse();
        Rated rated = only(Rated.class);
        assertThat(rated.score()).isEqualTo(5);
        assertThat(rated.staffId()).isEqualTo("agent1");
    }

    @Test
    void anOrderShownToItsOwnerIsALookUp() throws Exception {
        chat(says(buyer, "K2026112400004"), says(buyer, "5678"));

        assertThat(only(OrderLookedUp.class).status()).isNotBlank();
    }

    private <T extends ConversationEvent> List<T> all(Class<T> type) {
        return recorder.of(cli(buyer)).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends ConversationEvent> T only(Class<T> type) {
        List<T> found = all(type);
        assertThat(found).as(type.getSimpleName() + " events").hasSize(1);
        return found.get(0);
    }
}
