package kefu.channel.telegram;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stall attack: twenty accounts, each well under the flood limit, keep Telegram's slow windows busy — ten
 * ask for a person and then write steadily (relays into the staff group, which takes 20 posts a minute), ten
 * address the bot in a public group (20 replies a minute), together many times what those windows take.
 * Meanwhile other buyers say hello in private chats; their replies must come as fast as on an idle bot.
 * The Bot API server enforces Telegram's limits as they are.
 */
@SpringBootTest(properties = {
        "kefu.command-runner.enabled=false",
        "kefu.telegram.token=123456:STALL",
        "kefu.telegram.poll-timeout=1s",
        "kefu.telegram.staff-chat-id=" + SendStallTest.STAFF_CHAT,
        "kefu.telegram.staff-ids=901",
        "kefu.handoff.staff-ids=901",
        "kefu.handoff.service-opens=00:00",
        "kefu.handoff.service-closes=00:00"})
class SendStallTest {

    static final long STAFF_CHAT = -100555L;
    static final long PUBLIC_GROUP = -100556L;
    static final int ATTACKERS_PER_SIDE = 10;
    static final int PROBES = 50;
    static final BotApiTestServer api = new BotApiTestServer();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TelegramTestContext.register(registry, api, "tg-stall");
    }

    @Autowired
    TelegramCommand command;

    @AfterAll
    static void stopServer() {
        api.close();
    }

    @Test
    void aBuyersReplyStaysFastWhileTwentyAccountsFloodTheStaffSideAndAGroup() throws Exception {
        api.enforceLimits(3, Duration.ofSeconds(3), 20, Duration.ofSeconds(60));
        assertThat(command.run(List.of())).isZero();
        long base = 5_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        // A cold JVM's first turns are slow whatever the load: not measured. The last one, on an idle bot, tells
        // how much slower than a quiet machine (100 ms) this one is; the bound stretches by that factor.
        long idle = 0;
        for (int i = 0; i < 5; i++) {
            long warm = base + 900 + i;
            long at = System.nanoTime();
            api.privateText(warm, "你好");
            List<BotApiTestServer.Call> reply = api.await("sendMessage", c -> c.ok() && c.chatId() == warm, 1,
                    Duration.ofSeconds(60));
            idle = reply.isEmpty() ? 60_000 : (reply.get(0).atNanos() - at) / 1_000_000;
        }
        double slower = Math.max(1.0, idle / 100.0);

        for (int a = 0; a < ATTACKERS_PER_SIDE; a++) {
            api.privateText(base + a, "/human");
        }
        // A steady attack, far more than the two slow windows take (20 a minute each), and a probe every
        // 300 ms meanwhile: a buyer who says hello in a private chat.
        List<long[]> probes = new ArrayList<>();
        for (int tick = 0; tick < PROBES; tick++) {
            int a = tick % ATTACKERS_PER_SIDE;
            if (tick % 2 == 0) {
                api.privateText(base + a, "催一下 " + tick);
            } else {
                api.privateText(base + ((a + 1) % ATTACKERS_PER_SIDE), "还没到账 " + tick);
                api.groupText(PUBLIC_GROUP, base + 100 + a, "@" + BotApiTestServer.BOT_USERNAME + " 你好 " + tick);
            }
            long buyer = base + 1000 + tick;
            probes.add(new long[]{buyer, System.nanoTime()});
            api.privateText(buyer, "你好");
            Thread.sleep(300);
        }
        // One deadline for all probes (an unanswered probe counts as the deadline), so the test stays bounded.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Long> latencies = new ArrayList<>();
        int unanswered = 0;
        for (long[] probe : probes) {
            long left = Math.max(0, deadline - System.nanoTime());
            List<BotApiTestServer.Call> reply = api.await("sendMessage", c -> c.ok() && c.chatId() == probe[0], 1,
                    Duration.ofNanos(left));
            if (reply.isEmpty()) {
                unanswered++;
                latencies.add((deadline - probe[1]) / 1_000_000);
            } else {
                latencies.add((reply.get(0).atNanos() - probe[1]) / 1_000_000);
            }
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        long p50 = sorted.get(sorted.size() / 2);
        long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        long staffPosts = api.delivered().stream().filter(c -> c.chatId() == STAFF_CHAT).count();
        long groupReplies = api.delivered().stream().filter(c -> c.chatId() == PUBLIC_GROUP).count();
        System.out.printf("STALL idle-ms=%d probes=%d unanswered-within-30s=%d p50-ms=%d p99-ms=%d max-ms=%d staff-posts=%d "
                        + "group-replies=%d 429=%d%n", idle, PROBES, unanswered, p50, p99, sorted.get(sorted.size() - 1),
                staffPosts, groupReplies, api.refusedWith429());
        assertThat(unanswered).as("probes not answered within 30 s").isZero();
        assertThat(p99).as("p99 of a private buyer's reply time under the attack, ms (1 s x%.1f)", slower)
                .isLessThan((long) (1_000 * slower));
    }
}
