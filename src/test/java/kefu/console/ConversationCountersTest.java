package kefu.console;

import kefu.console.overview.ConversationCounters;
import kefu.console.overview.Overview;
import kefu.console.overview.OverviewReport;
import kefu.conversation.ConversationKey;
import kefu.conversation.Intent;
import kefu.conversation.events.ConversationEvent.FallbackGiven;
import kefu.conversation.events.ConversationEvent.FallbackKind;
import kefu.conversation.events.ConversationEvent.HandedOver;
import kefu.conversation.events.ConversationEvent.OrderLookedUp;
import kefu.conversation.events.ConversationEvent.Rated;
import kefu.conversation.events.ConversationEvent.StaffJoined;
import kefu.conversation.events.ConversationEvent.StaffReplied;
import kefu.conversation.events.ConversationEvent.TicketFiled;
import kefu.conversation.events.ConversationEvent.TurnAnswered;
import kefu.conversation.events.ConversationEvent.TurnOutcome;
import kefu.session.RedisKeys;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview's figures are counted in Redis from the conversation events, per day, and summed over a range. */
class ConversationCountersTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final Instant today = ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, SHANGHAI).toInstant();
    final Instant yesterday = today.minus(Duration.ofDays(1));
    final JedisConnectionFactory factory = factory();
    final StringRedisTemplate redis = new StringRedisTemplate(factory);
    final RedisKeys keys = new RedisKeys(RealRedis.freshPrefix());
    final ConversationCounters counters = new ConversationCounters(redis, keys, SHANGHAI, 30);
    final OverviewReport report = new OverviewReport(redis, keys, Clock.fixed(today, SHANGHAI));

    static JedisConnectionFactory factory() {
        URI uri = URI.create(RealRedis.url());
        JedisConnectionFactory f = new JedisConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        f.afterPropertiesSet();
        f.start();
        return f;
    }

    @AfterEach
    void close() {
        counters.close();
        factory.destroy();
    }

    static ConversationKey buyer(String id) {
        return new ConversationKey("cli", id);
    }

    void answered(String id, Instant at, String article) {
        counters.on(new TurnAnswered(buyer(id), at, Intent.FAQ, TurnOutcome.ANSWERED, article, Duration.ofMillis(20)));
    }

    void notUnderstood(String id, Instant at, String question) {
        counters.on(new FallbackGiven(buyer(id), at, question, FallbackKind.NOT_UNDERSTOOD));
        counters.on(new TurnAnswered(buyer(id), at, Intent.FALLBACK, TurnOutcome.OTHER, null, Duration.ofMillis(5)));
    }

    @Test
    void aConversationIsResolvedWhenNoPersonTookPartAndItsLastQuestionWasAnswered() {
        answered("a", today, "topup-arrival-time");                       // resolved
        notUnderstood("b", today, "阿巴阿巴");                               // last question unanswered
        answered("b", today, "payment-methods");                          // ...then answered: resolved
        answered("c", today, "payment-methods");
        notUnderstood("c", today, "咕噜咕噜");                               // ends unanswered
        answered("d", today, "vip-membership-claim");
        counters.on(new HandedOver(buyer("d"), today, "asked"));          // a person took part
        counters.on(new TurnAnswered(buyer("d"), today, Intent.HUMAN_HANDOFF, TurnOutcome.HANDED_OVER, null,
                Duration.ofMillis(9)));

        counters.flush();
        Overview o = report.read(1);

        assertThat(o.conversations()).isEqualTo(4);
        assertThat(o.resolved()).isEqualTo(2);
        assertThat(o.resolutionRate()).isEqualTo(50.0);
        assertThat(o.handovers()).isEqualTo(1);
        assertThat(o.handoffRate()).isEqualTo(25.0);
        assertThat(o.turns()).isEqualTo(7);
        assertThat(o.fallbacks()).isEqualTo(2);
        assertThat(o.fallbackRate()).isEqualTo(28.6);
        assertThat(o.topArticles().get(0)).isEqualTo(new Overview.Ranked("payment-methods", 2));
        assertThat(o.topIntents().get(0)).isEqualTo(new Overview.Ranked("faq", 4));
        assertThat(o.topUnanswered()).extracting(Overview.Ranked::name).containsExactlyInAnyOrder("阿巴阿巴", "咕噜咕噜");
    }

    @Test
    void waitsAndFirstRepliesAreMediansAndRatingsADistribution() {
        int[] waitMinutes = {1, 9, 3};
        for (int i = 0; i < waitMinutes.length; i++) {
            Duration wait = Duration.ofMinutes(waitMinutes[i]);
            counters.on(new StaffJoined(buyer("w" + i), today, "agent1", wait));
            counters.on(new StaffReplied(buyer("w" + i), today, "agent1", wait.plusMinutes(1)));
            counters.on(new StaffReplied(buyer("w" + i), today, "agent1", null));
        }
        counters.on(new Rated(buyer("w0"), today, "agent1", 5));
        counters.on(new Rated(buyer("w1"), today, "agent1", 4));
        counters.on(new Rated(buyer("w2"), today, "agent1", 5));

        counters.flush();
        Overview o = report.read(1);

        assertThat(o.medianWait()).isEqualTo(180);
        assertThat(o.medianFirstReply()).isEqualTo(240);
        assertThat(o.staffReplies()).isEqualTo(6);
        assertThat(o.ratings()).containsExactly(0, 0, 0, 1, 2);
        assertThat(o.averageRating()).isEqualTo(4.67);
    }

    @Test
    void figuresAreWrittenInTheBackgroundWithoutAFlush() throws InterruptedException {
        answered("bg", today, "payment-methods");
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (report.read(1).turns() == 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }

        assertThat(report.read(1).turns()).isEqualTo(1);
    }

    @Test
    void aRangeSumsItsDaysAndTodayLeavesYesterdayOut() {
        answered("y", yesterday, "payment-methods");
        counters.on(new OrderLookedUp(buyer("y"), yesterday, "delivered"));
        answered("t", today, "payment-methods");
        counters.on(new TicketFiled(buyer("t"), today, "T1"));

        counters.flush();
        Overview day = report.read(1);
        Overview week = report.read(7);

        assertThat(day.conversations()).isEqualTo(1);
        assertThat(day.ordersLookedUp()).isZero();
        assertThat(day.ticketsFiled()).isEqualTo(1);
        assertThat(week.conversations()).isEqualTo(2);
        assertThat(week.ordersLookedUp()).isEqualTo(1);
        assertThat(week.daily()).hasSize(7);
        assertThat(week.daily().get(5).conversations()).isEqualTo(1);
        assertThat(week.daily().get(6).conversations()).isEqualTo(1);
    }

    @Test
    void aDaysFiguresExpireAfterTheKeptDays() {
        answered("e", today, "payment-methods");
        counters.flush();

        Long ttl = redis.getExpire(keys.named("console", "day:2026-11-26:counts"));

        assertThat(ttl).isBetween(Duration.ofDays(30).toSeconds(), Duration.ofDays(31).toSeconds());
    }

    @Test
    void aPhoneNumberInAnUnansweredQuestionIsMasked() {
        notUnderstood("m", today, "我的手机13812345678充不上");

        counters.flush();
        assertThat(report.read(1).topUnanswered().get(0).name()).doesNotContain("13812345678").contains("138****5678");
    }
}
