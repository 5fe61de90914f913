package kefu.handoff;

import kefu.conversation.Handover;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may act on the staff side, and what a staff member may do on a conversation in each handover. */
class StaffPolicyTest {

    private final StaffPolicy anyoneInTheGroup = policy(List.of());
    private final StaffPolicy onlyListed = policy(List.of("agent1", "agent2"));

    @Test
    void withoutAListEveryNonBlankIdIsStaff() {
        assertThat(anyoneInTheGroup.isStaff("agent9")).isTrue();
        assertThat(anyoneInTheGroup.isStaff(" ")).isFalse();
        assertThat(anyoneInTheGroup.isStaff(null)).isFalse();
    }

    @Test
    void aListNarrowsStaffToTheIdsOnIt() {
        assertThat(onlyListed.isStaff("agent2")).isTrue();
        assertThat(onlyListed.admits("agent2")).isTrue();
        assertThat(onlyListed.isStaff("mallory")).isFalse();
        assertThat(onlyListed.admits("mallory")).isFalse();
    }

    @Test
    void staffWriteToBuyersTheyServeOrWhoAreQueued() {
        assertThat(onlyListed.refuseWriting("agent1", Handover.QUEUED)).isEmpty();
        assertThat(onlyListed.refuseWriting("agent1", Handover.staff("agent1"))).isEmpty();
    }

    @Test
    void writingToAColleaguesBuyerIsRefusedNamingTheColleague() {
        assertThat(onlyListed.refuseWriting("agent1", Handover.staff("agent2")))
                .contains(new StaffRefusal.NotYours("agent2"));
    }

    @Test
    void writingToABuyerTheBotServesIsRefused() {
        assertThat(onlyListed.refuseWriting("agent1", Handover.BOT)).contains(new StaffRefusal.NotHanded());
        assertThat(onlyListed.refuseWriting("agent1", Handover.CLOSED)).contains(new StaffRefusal.NotHanded());
    }

    @Test
    void onlyWritingInAQueuedThreadTakesTheConversation() {
        assertThat(onlyListed.writingTakesOver(Handover.QUEUED)).isTrue();
        assertThat(onlyListed.writingTakesOver(Handover.staff("agent1"))).isFalse();
    }

    @Test
    void claimingIsRefusedOnlyWhenTheConversationIsAlreadyYours() {
        assertThat(onlyListed.refuseClaim("agent1", Handover.staff("agent1"))).contains(new StaffRefusal.AlreadyYours());
        assertThat(onlyListed.refuseClaim("agent1", Handover.staff("agent2"))).isEmpty();
        assertThat(onlyListed.refuseClaim("agent1", Handover.QUEUED)).isEmpty();
        assertThat(onlyListed.refuseClaim("agent1", Handover.CLOSED)).isEmpty();
    }

    @Test
    void onlyAConversationWithHumansCanBeClosed() {
        assertThat(onlyListed.refuseClosing(Handover.QUEUED)).isEmpty();
        assertThat(onlyListed.refuseClosing(Handover.staff("agent2"))).isEmpty();
        assertThat(onlyListed.refuseClosing(Handover.BOT)).contains(new StaffRefusal.NotHanded());
        assertThat(onlyListed.refuseClosing(Handover.CLOSED)).contains(new StaffRefusal.NotHanded());
    }

    @Test
    void aRatingIsAskedOnlyWhenSomeoneServed() {
        assertThat(onlyListed.asksRating(Handover.staff("agent1"))).isTrue();
        assertThat(onlyListed.asksRating(Handover.QUEUED)).isFalse();
    }

    private static StaffPolicy policy(List<String> onlyStaffIds) {
        return new StaffPolicy(new HandoffProperties("09:00", "23:00", Duration.ofMinutes(3), Duration.ofMinutes(10),
                Duration.ofMinutes(30), Duration.ZERO, onlyStaffIds, null, Map.of(), "客服", 50, Duration.ofDays(7), 8));
    }
}
