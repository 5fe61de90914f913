package kefu.channel.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import kefu.KefuApplication;
import kefu.conversation.ConversationKey;
import kefu.session.BanList;
import kefu.testsupport.RealRedis;
import kefu.testsupport.RedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.Jedis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole bot on a three-master Redis Cluster of real redis-server processes: Telegram update lanes, buyer
 * turns, a guided flow, a handover to the staff group and a ban all work, and no command ever fails (a script
 * spanning two hash slots would fail with CROSSSLOT and be counted in kefu_redis_errors_total).
 */
class RedisClusterTest {

    static final long STAFF_CHAT = -100888L;
    static final Duration WAIT = Duration.ofSeconds(30);
    static List<RedisProcess> nodes;
    static BotApiTestServer api;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("kefu-cluster");
        nodes = RedisProcess.cluster(dir);
        api = new BotApiTestServer();
        app = new SpringApplicationBuilder(KefuApplication.class, TelegramTestBeans.class)
                .web(WebApplicationType.NONE)
                .run("--kefu.command-runner.enabled=false",
                        "--kefu.redis.cluster.nodes=" + nodes.stream().map(RedisProcess::address)
                                .collect(Collectors.joining(",")),
                        "--kefu.redis.key-prefix=" + RealRedis.freshPrefix(),
                        "--kefu.telegram.token=123456:TEST", "--kefu.telegram.api-url=" + api.url(),
                        "--kefu.telegram.poll-timeout=1s", "--kefu.telegram.sweep-interval=1s",
                        "--kefu.telegram.staff-chat-id=" + STAFF_CHAT, "--kefu.telegram.staff-ids=901",
                        "--kefu.telegram.download-dir=" + RealRedis.tempDir("tg-cluster-files"),
                        "--kefu.handoff.service-opens=00:00", "--kefu.handoff.service-closes=00:00");
        assertThat(app.getBean(TelegramCommand.class).run(List.of())).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (api != null) {
            api.close();
        }
        for (RedisProcess n : nodes == null ? List.<RedisProcess>of() : nodes) {
            n.close();
        }
    }

    @Test
    void turnsFlowsHandoffBansAndUpdateLanesWorkWithoutCrossSlotErrors() throws Exception {
        // Many chats: their lanes fall into all 16 shards, spread over the three masters.
        List<Long> chats = new ArrayList<>();
        for (int c = 0; c < 24; c++) {
            chats.add(TelegramBotTest.newUser());
        }
        for (int m = 0; m < 4; m++) {
            for (long chat : chats) {
                api.privateText(chat, "#echo m" + m);
            }
        }
        // A guided flow: an order number asks for proof of ownership, the proof shows the order.
        long orderBuyer = TelegramBotTest.newUser();
        api.privateText(orderBuyer, "K2026112400004");
        api.await("sendMessage", c -> c.ok() && c.chatId() == orderBuyer, 1, WAIT);
        api.privateText(orderBuyer, "5678");
        // A banned buyer is not answered (written before the handover, so fetched before it).
        long banned = TelegramBotTest.newUser();
        app.getBean(BanList.class).ban(new ConversationKey("tg", String.valueOf(banned)), "spam", "test");
        api.privateText(banned, "#echo ignored");
        // A handover: the staff group gets a topic and the buyer's card.
        long handedOver = TelegramBotTest.newUser();
        api.privateText(handedOver, "人工客服");

        for (long chat : chats) {
            api.await("sendMessage", c -> c.ok() && c.chatId() == chat, 4, WAIT);
            assertThat(api.sentTo(chat)).containsExactly("echo m0", "echo m1", "echo m2", "echo m3");
        }
        // The challenge, then the order (and its card code, a message of its own).
        assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == orderBuyer, 2, WAIT)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(api.sentTo(orderBuyer).get(1)).contains("K2026112400004");
        assertThat(api.await("createForumTopic", c -> true, 1, WAIT)).hasSize(1);
        assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == STAFF_CHAT, 1, WAIT)).isNotEmpty();
        assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == handedOver, 1, WAIT)).isNotEmpty();
        // The banned buyer's update was handled (its lane is empty) and left nothing to send.
        UpdateLanes lanes = app.getBean(UpdateLanes.class);
        long end = System.nanoTime() + WAIT.toNanos();
        while (lanes.head("buyer:" + banned).isPresent() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(lanes.head("buyer:" + banned)).isEmpty();
        assertThat(app.getBean(OutboundQueue.class).depth(banned)).isZero();
        assertThat(api.sentTo(banned)).isEmpty();

        double redisErrors = app.getBean(MeterRegistry.class).find("kefu.redis.errors").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertThat(redisErrors).as("no command failed, CROSSSLOT included").isZero();
        for (RedisProcess node : nodes) {
            try (Jedis j = node.jedis()) {
                assertThat(j.dbSize()).as("keys on every master of " + node.address()).isPositive();
            }
        }
    }
}
