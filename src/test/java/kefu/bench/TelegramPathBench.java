package kefu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.app.CliCommand;
import kefu.channel.telegram.BotApiTestServer;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Telegram path: the bot's own {@code telegram} command in polling mode against a local Bot API server.
 * Measures update-in to reply-out latency at a steady load, then sends a promotion burst and checks that
 * the bot's sending stays inside Telegram's limits (≤ 30 messages/s overall, ≈ 1/s per chat). Skipped
 * when this build has no {@code telegram} command. Run with {@code mvn -q -B -Pbench test -Dtest=TelegramPathBench}.
 */
@Tag("bench")
@SpringBootTest(properties = {"kefu.command-runner.enabled=false", "kefu.telegram.token=123456:bench-token",
        "kefu.telegram.mode=polling"})
class TelegramPathBench {

    private static final BotApiTestServer API = start();
    private static final String PREFIX = RealRedis.freshPrefix();
    private static final double RATE = Double.parseDouble(System.getProperty("kefu.bench.telegram-rate", "10"));
    private static final int SECONDS = Integer.getInteger("kefu.bench.telegram-seconds", 10);
    private static final int BURST = Integer.getInteger("kefu.bench.telegram-burst", 150);
    private static final Path OUT = Path.of(System.getProperty("kefu.bench.out", "target/bench"));

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("kefu.redis.url", RealRedis::url);
        registry.add("kefu.redis.key-prefix", () -> PREFIX);
        registry.add("kefu.telegram.api-url", API::url);
    }

    @Autowired
    ObjectProvider<CliCommand> commands;

    @Autowired
    ObjectMapper json;

    @AfterAll
    static void stop() {
        API.close();
    }

    /** An update the bench offered: to which chat and when. */
    record Offered(long chatId, long atNanos) { }

    @Test
    void repliesStayFastAndInsideTelegramLimits() throws Exception {
        Optional<CliCommand> telegram = commands.orderedStream().filter(c -> c.name().equals("telegram")).findFirst();
        assumeTrue(telegram.isPresent(), "this build has no telegram command");
        assertThat(telegram.get().run(List.of())).isZero();
        BenchMix mix = new BenchMixLoader().load(new ClassPathResource("bench/mix.yml"));

        // Warm-up: the first turns of a fresh JVM (class loading, JIT, connection pools) are not measured.
        awaitReplies(offer(mix, RATE, 30, 500_000L), 30);
        int warmUpSent = API.delivered().size();
        List<Offered> steady = offer(mix, RATE, (int) Math.round(RATE * SECONDS), 1_000_000L);
        awaitReplies(steady, 30);
        List<BotApiTestServer.Call> steadySent = API.delivered();
        List<Offered> burst = offer(mix, BURST, BURST, 2_000_000L);
        awaitReplies(burst, 60);
        List<BotApiTestServer.Call> all = API.delivered();
        all = all.subList(warmUpSent, all.size());

        Latencies steadyLatency = match(steady, steadySent);
        Latencies burstLatency = match(burst, all);
        int maxGlobal = maxInWindow(all, null, 1_000_000_000L);
        int maxPerChat = maxPerChat(all, 1_000_000_000L);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("steady", Map.of("offeredPerSecond", RATE, "updates", steady.size(), "latency", steadyLatency.summary()));
        r.put("burst", Map.of("updates", burst.size(), "latency", burstLatency.summary()));
        r.put("maxMessagesInAnySecond", maxGlobal);
        r.put("maxMessagesToOneChatInAnySecond", maxPerChat);
        r.put("refusedWith429", API.refusedWith429());
        r.put("messagesSent", all.size());
        r.put("messagesPerUpdate", all.size() / (double) (steady.size() + burst.size()));
        String table = String.format(Locale.ROOT, """
                Telegram path (polling, local Bot API server; update offered -> first reply received)
                  steady %.0f updates/s for %d s: %s
                  burst of %d updates at once:   %s
                  sending: at most %d messages in any second overall (Telegram: 30), at most %d to one chat \
                in any second (Telegram: about 1), %d sends refused with 429
                  %d messages sent for %d updates (%.2f per update)
                """, RATE, SECONDS, describe(steadyLatency.summary()), BURST, describe(burstLatency.summary()),
                maxGlobal, maxPerChat, API.refusedWith429(), all.size(), steady.size() + burst.size(),
                all.size() / (double) (steady.size() + burst.size()));
        System.out.println(table);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("telegram.txt"), table);
        json.writerWithDefaultPrettyPrinter().writeValue(OUT.resolve("telegram.json").toFile(), r);

        assertThat(steadyLatency.summary().count()).as("steady updates answered").isEqualTo(steady.size());
        assertThat(maxGlobal).as("messages in any one second").isLessThanOrEqualTo(BotApiTestServer.TELEGRAM_GLOBAL_PER_SECOND);
        assertThat(API.refusedWith429()).as("sends Telegram would refuse").isZero();
    }

    private static String describe(Latencies.Summary s) {
        return String.format(Locale.ROOT, "%d answered, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                s.count(), s.p50(), s.p95(), s.p99(), s.max());
    }

    /** Offers {@code count} updates at {@code perSecond}, each from a different buyer id range. */
    private static List<Offered> offer(BenchMix mix, double perSecond, int count, long firstUser)
            throws InterruptedException {
        BenchMix.Picker picker = mix.picker(firstUser);
        List<Offered> offered = new ArrayList<>();
        long start = System.nanoTime();
        long interval = Math.round(1e9 / perSecond);
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long user = firstUser + i;
            // A buyer's first message: the visit's opening turn (later turns depend on the bot's answers).
            String text = picker.next().turns().get(0);
            offered.add(new Offered(user, System.nanoTime()));
            API.privateText(user, text);
        }
        return offered;
    }

    private static void awaitReplies(List<Offered> offered, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long answered = API.delivered().stream().map(BotApiTestServer.Call::chatId).distinct()
                    .filter(c -> offered.stream().anyMatch(o -> o.chatId() == c)).count();
            if (answered >= offered.size()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Latency of each offered update: until the first message sent to its chat afterwards. */
    private static Latencies match(List<Offered> offered, List<BotApiTestServer.Call> sent) {
        Map<Long, Long> firstReply = new HashMap<>();
        for (BotApiTestServer.Call s : sent) {
            firstReply.merge(s.chatId(), s.atNanos(), Math::min);
        }
        Latencies latencies = new Latencies();
        for (Offered o : offered) {
            Long reply = firstReply.get(o.chatId());
            if (reply != null && reply >= o.atNanos()) {
                latencies.record(reply - o.atNanos());
            }
        }
        return latencies;
    }

    private static int maxPerChat(List<BotApiTestServer.Call> sent, long window) {
        return sent.stream().map(BotApiTestServer.Call::chatId).distinct()
                .mapToInt(chat -> maxInWindow(sent, chat, window)).max().orElse(0);
    }

    private static int maxInWindow(List<BotApiTestServer.Call> sent, Long chat, long window) {
        long[] times = sent.stream().filter(s -> chat == null || s.chatId() == chat)
                .mapToLong(BotApiTestServer.Call::atNanos).sorted().toArray();
        int best = 0;
        int from = 0;
        for (int to = 0; to < times.length; to++) {
            while (times[to] - times[from] >= window) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }

    private static BotApiTestServer start() {
        BotApiTestServer api = new BotApiTestServer();
        api.enforceGlobalLimit();
        return api;
    }
}
