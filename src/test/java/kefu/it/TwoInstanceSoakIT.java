package kefu.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kefu.channel.telegram.BotApiTestServer;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged jar in webhook mode on one Redis, fed as Telegram feeds a webhook behind a load
 * balancer (an update goes to one instance, and to the other when that one does not take it), at a steady load
 * from many chats. One instance is killed with SIGKILL midway and started again. Every update is answered
 * exactly once and in order per chat; a proof asked before the kill is checked after it, and a buyer handed to
 * a person before the kill is relayed after it, once.
 */
class TwoInstanceSoakIT {

    private static final Duration START = Duration.ofSeconds(420);
    private static final int CHATS = 30;
    /** One message per chat every four seconds: under the flood limit (20 a minute), 7.5 updates a second in all. */
    private static final long PER_CHAT_EVERY_MS = 4_000;
    private static final int MESSAGES_PER_CHAT = 24;
    private static final long KILL_AT_MS = 30_000;
    private static final long STAFF_CHAT = -100779L;
    private static final long STAFF = 902L;
    private static final Pattern ORDER = Pattern.compile("K20261124000\\d\\d");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String secret = "soak-" + System.nanoTime();

    @Test
    void killingOneOfTwoInstancesLosesRepeatsAndReordersNothing() throws Exception {
        String prefix = RealRedis.freshPrefix();
        try (BotApiTestServer api = new BotApiTestServer()) {
            int[] ports = {ServingJar.freePort(), ServingJar.freePort()};
            ServingJar[] bots = {instance(api, prefix, ports[0]), instance(api, prefix, ports[1])};
            try (ServingJar a = bots[0]; ServingJar b = bots[1]) {
                a.start();
                b.start();
                a.awaitReady(START);
                b.awaitReady(START);

                long[] streams = IntStream.range(0, CHATS).mapToLong(i -> 6_100_000_000L + i).toArray();
                long[] forms = {6_200_000_001L, 6_200_000_002L, 6_200_000_003L};
                long[] handoffs = {6_300_000_001L, 6_300_000_002L, 6_300_000_003L};
                Map<Long, List<String>> sent = new HashMap<>();
                Map<String, Long> acceptedAt = new HashMap<>();
                Feeder feeder = new Feeder(api, ports);

                for (long chat : forms) {
                    feeder.post(chat, "K2026112400002");
                }
                for (long chat : handoffs) {
                    feeder.post(chat, "转人工");
                }
                long started = System.nanoTime();
                boolean killed = false;
                boolean restarted = false;
                long killedAt = 0;
                for (int round = 0; round < MESSAGES_PER_CHAT; round++) {
                    for (int i = 0; i < CHATS; i++) {
                        long due = started / 1_000_000 + round * PER_CHAT_EVERY_MS + i * PER_CHAT_EVERY_MS / CHATS;
                        long wait = due - System.nanoTime() / 1_000_000;
                        if (wait > 0) {
                            Thread.sleep(wait);
                        }
                        long elapsed = (System.nanoTime() - started) / 1_000_000;
                        if (!killed && elapsed >= KILL_AT_MS) {
                            a.kill();
                            killed = true;
                            killedAt = System.nanoTime();
                            a.start();    // comes back while the other carries the load
                        }
                        if (killed && !restarted && a.ready()) {
                            restarted = true;
                            System.out.printf("SOAK restarted instance ready after %d ms%n",
                                    (System.nanoTime() - killedAt) / 1_000_000);
                        }
                        String order = "K20261124000" + String.format("%02d", 1 + (round + i) % 34);
                        long chat = streams[i];
                        feeder.post(chat, order);
                        sent.computeIfAbsent(chat, c -> new ArrayList<>()).add(order);
                        acceptedAt.put(chat + "/" + order + "/" + round, System.nanoTime());
                    }
                }
                for (long chat : forms) {
                    feeder.post(chat, "5678");
                }
                for (int i = 0; i < handoffs.length; i++) {
                    feeder.post(handoffs[i], "还在吗 soak-relay-" + i);
                }

                int expected = CHATS * MESSAGES_PER_CHAT;
                api.await("sendMessage", c -> c.ok() && c.chatId() >= streams[0] && c.chatId() <= streams[CHATS - 1],
                        expected, Duration.ofSeconds(180));
                Thread.sleep(3_000);  // anything sent twice would arrive now

                int duplicates = 0;
                int lost = 0;
                long maxDelayMs = 0;
                for (int i = 0; i < CHATS; i++) {
                    long chat = streams[i];
                    List<BotApiTestServer.Call> replies = api.calls("sendMessage").stream()
                            .filter(c -> c.ok() && c.chatId() == chat).toList();
                    List<String> answered = new ArrayList<>();
                    for (BotApiTestServer.Call reply : replies) {
                        Matcher m = ORDER.matcher(reply.text());
                        if (m.find()) {
                            answered.add(m.group());
                            int round = answered.size() - 1;
                            Long at = acceptedAt.get(chat + "/" + m.group() + "/" + round);
                            if (at != null) {
                                maxDelayMs = Math.max(maxDelayMs, (reply.atNanos() - at) / 1_000_000);
                            }
                        }
                    }
                    duplicates += Math.max(0, answered.size() - sent.get(chat).size());
                    lost += Math.max(0, sent.get(chat).size() - answered.size());
                    assertThat(answered).as("chat %d: every update answered once, in order", chat)
                            .isEqualTo(sent.get(chat));
                }
                System.out.printf("SOAK updates=%d duplicates=%d lost=%d max-delay-ms=%d rejected-posts=%d%n",
                        feeder.accepted, duplicates, lost, maxDelayMs, feeder.refused);

                for (long chat : forms) {
                    List<String> told = api.await("sendMessage", c -> c.ok() && c.chatId() == chat, 2,
                            Duration.ofSeconds(60)).stream().map(BotApiTestServer.Call::text).toList();
                    assertThat(told).as("the proof asked before the kill is checked after it: the order is shown")
                            .hasSize(2).allMatch(t -> t.contains("K2026112400002"));
                    assertThat(told.get(1)).isNotEqualTo(told.get(0));
                }
                assertThat(api.calls("createForumTopic")).as("one topic per buyer handed over").hasSize(handoffs.length);
                for (int i = 0; i < handoffs.length; i++) {
                    String tag = "soak-relay-" + i;
                    api.await("sendMessage", c -> c.ok() && c.chatId() == STAFF_CHAT && c.text().contains(tag), 1,
                            Duration.ofSeconds(60));
                }
                Thread.sleep(2_000);
                for (int i = 0; i < handoffs.length; i++) {
                    String tag = "soak-relay-" + i;
                    assertThat(api.calls("sendMessage")).filteredOn(c -> c.ok() && c.chatId() == STAFF_CHAT
                            && c.text().contains(tag)).as("relayed once after the restart").hasSize(1);
                }
                assertThat(restarted).as("the killed instance came back during the run").isTrue();
            }
        }
    }

    private ServingJar instance(BotApiTestServer api, String prefix, int webhookPort) throws Exception {
        Path workDir = Files.createTempDirectory("kefu-soak");
        return new ServingJar(List.of("telegram", "--kefu.handoff.service-opens=00:00",
                "--kefu.handoff.service-closes=00:00", "--kefu.telegram.staff-chat-id=" + STAFF_CHAT,
                "--kefu.telegram.staff-ids=" + STAFF, "--kefu.handoff.staff-ids=" + STAFF),
                Map.of("KEFU_TELEGRAM_TOKEN", "123456:SOAK", "KEFU_TELEGRAM_API_URL", api.url(),
                        "KEFU_TELEGRAM_MODE", "webhook", "KEFU_TELEGRAM_WEBHOOK_PORT", String.valueOf(webhookPort),
                        "KEFU_TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram/webhook",
                        "KEFU_TELEGRAM_WEBHOOK_SECRET", secret,
                        "KEFU_REDIS_URL", RealRedis.url(), "KEFU_REDIS_KEY_PREFIX", prefix), workDir);
    }

    /** Telegram behind a load balancer: each update to one instance, to the other when refused, again until taken. */
    private final class Feeder {
        private final BotApiTestServer api;
        private final int[] ports;
        private int next;
        int accepted;
        int refused;

        Feeder(BotApiTestServer api, int[] ports) {
            this.api = api;
            this.ports = ports;
        }

        void post(long chat, String text) throws InterruptedException {
            ObjectNode update = api.webhookText(chat, text);
            for (int attempt = 0; attempt < 600; attempt++) {
                int port = ports[(next + attempt) % ports.length];
                if (deliver(port, update)) {
                    next++;
                    accepted++;
                    return;
                }
                refused++;
                if (attempt % ports.length == ports.length - 1) {
                    Thread.sleep(100);
                }
            }
            throw new AssertionError("no instance took update " + update);
        }

        private boolean deliver(int port, ObjectNode update) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                                .timeout(Duration.ofSeconds(5))
                                .header("Content-Type", "application/json")
                                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                                .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception refusedOrDown) {
                return false;
            }
        }
    }
}
