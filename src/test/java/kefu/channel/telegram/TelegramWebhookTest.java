package kefu.channel.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kefu.KefuApplication;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bot instances in webhook mode behind a (simulated) load balancer, sharing one Redis, against one local
 * Bot API server: the secret is checked on every request, redeliveries are handled once, and each chat's
 * updates are handled once and in order whichever instance receives them.
 */
class TelegramWebhookTest {

    static final String SECRET = "s3cret-" + ThreadLocalRandom.current().nextInt(1_000_000);
    static final BotApiTestServer api = new BotApiTestServer();
    static final HttpClient http = HttpClient.newHttpClient();
    static final Duration WAIT = Duration.ofSeconds(15);
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    static final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        String prefix = RealRedis.freshPrefix();
        for (int i = 0; i < 2; i++) {
            ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KefuApplication.class, TelegramTestBeans.class)
                    .web(WebApplicationType.SERVLET)
                    .run("--server.port=0",
                            "--kefu.command-runner.enabled=false",
                            "--kefu.telegram.webhook.header-timeout=1s",
                            "--kefu.redis.url=" + RealRedis.url(), "--kefu.redis.key-prefix=" + prefix,
                            "--kefu.telegram.token=123456:TEST", "--kefu.telegram.api-url=" + api.url(),
                            "--kefu.telegram.mode=webhook",
                            "--kefu.telegram.webhook.url=https://bot.example.com/telegram/webhook",
                            "--kefu.telegram.webhook.secret=" + SECRET,
                            "--kefu.telegram.sweep-interval=1s",
                            "--kefu.telegram.download-dir=" + RealRedis.tempDir("tg-files"));
            instances.add(ctx);
            ports.add(((WebServerApplicationContext) ctx).getWebServer().getPort());
            assertThat(ctx.getBean(TelegramCommand.class).run(List.of())).isZero();
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        api.close();
    }

    @Test
    void startRegistersTheWebhookWithItsSecret() {
        assertThat(api.calls("setWebhook")).anyMatch(c -> c.params().path("secret_token").asText().equals(SECRET)
                && c.params().path("url").asText().equals("https://bot.example.com/telegram/webhook"));
    }

    @Test
    void wrongOrMissingSecretIsRejectedAndNothingIsHandled() throws Exception {
        long user = TelegramBotTest.newUser();
        ObjectNode update = api.webhookText(user, "#echo intruder");

        assertThat(post(0, update, "wrong-secret")).isEqualTo(401);
        assertThat(post(1, update, null)).isEqualTo(401);

        Thread.sleep(1500);
        assertThat(api.sentTo(user)).isEmpty();
    }

    @Test
    void oversizedBodyIsRefusedUnreadEvenWithTheRightSecret() throws Exception {
        long user = TelegramBotTest.newUser();
        ObjectNode update = api.webhookText(user, "#echo padded");
        String padded = update.toString() + " ".repeat(WebhookController.MAX_BODY_BYTES + 10);

        assertThat(post(0, padded, SECRET)).isEqualTo(413);

        Thread.sleep(1500);
        assertThat(api.sentTo(user)).isEmpty();
    }

    @Test
    void theServerListensOnLoopbackByDefault() {
        var tomcat = (org.springframework.boot.tomcat.TomcatWebServer)
                ((WebServerApplicationContext) instances.get(0)).getWebServer();

        Object address = tomcat.getTomcat().getConnector().getProperty("address");

        assertThat(address).isInstanceOf(java.net.InetAddress.class);
        assertThat(((java.net.InetAddress) address).isLoopbackAddress()).isTrue();
    }

    @Test
    void aConnectionThatNeverFinishesItsHeadersIsCut() throws Exception {
        try (java.net.Socket slow = new java.net.Socket("127.0.0.1", ports.get(0))) {
            slow.setSoTimeout(6000);
            slow.getOutputStream().write(("POST /telegram/webhook HTTP/1.1\r\nHost: bot\r\nX-Slow: ")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            long started = System.nanoTime();

            int read;
            try {
                read = slow.getInputStream().read();
            } catch (java.net.SocketException reset) {
                read = -1;
            }

            assertThat(read).as("the server closed the connection").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void manySlowConnectionsDoNotKeepAValidUpdateOut() throws Exception {
        List<java.net.Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                java.net.Socket s = new java.net.Socket("127.0.0.1", ports.get(0));
                s.getOutputStream().write("POST /telegram/webhook HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                slow.add(s);
            }
            long user = TelegramBotTest.newUser();

            assertThat(post(0, api.webhookText(user, "#echo through"), SECRET)).isEqualTo(200);
            assertThat(api.await("sendMessage", c -> c.chatId() == user, 1, WAIT)).hasSize(1);
        } finally {
            for (java.net.Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void malformedJsonGetsBadRequest() throws Exception {
        assertThat(post(0, "{\"update_id\": [", SECRET)).isEqualTo(400);
        assertThat(post(1, "null", SECRET)).isEqualTo(400);
    }

    @Test
    void updateDeliveredTwiceToEitherInstanceIsHandledOnce() throws Exception {
        long user = TelegramBotTest.newUser();
        ObjectNode update = api.webhookText(user, "#echo once");

        assertThat(post(0, update, SECRET)).isEqualTo(200);
        assertThat(post(1, update, SECRET)).isEqualTo(200);
        assertThat(post(0, update, SECRET)).isEqualTo(200);

        api.await("sendMessage", c -> c.chatId() == user, 1, WAIT);
        Thread.sleep(1500);
        assertThat(api.sentTo(user)).containsExactly("echo once");
    }

    @Test
    void twoInstancesHandleEachUpdateOnceAndEachChatInOrder() throws Exception {
        int chats = 10;
        int perChat = 8;
        ExecutorService telegram = Executors.newFixedThreadPool(chats);
        List<Long> users = new ArrayList<>();
        List<Future<?>> deliveries = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            long user = TelegramBotTest.newUser();
            users.add(user);
            int first = c % 2;
            // Telegram delivers one chat's updates one after another; the load balancer spreads them, and
            // every third one is delivered again to the other instance, as after a timeout.
            deliveries.add(telegram.submit(() -> {
                for (int m = 0; m < perChat; m++) {
                    ObjectNode update = api.webhookText(user, "#echo m" + m);
                    int instance = (first + m) % 2;
                    assertThat(post(instance, update, SECRET)).isEqualTo(200);
                    if (m % 3 == 0) {
                        assertThat(post(1 - instance, update, SECRET)).isEqualTo(200);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : deliveries) {
            f.get();
        }
        telegram.shutdown();

        List<String> expected = new ArrayList<>();
        for (int m = 0; m < perChat; m++) {
            expected.add("echo m" + m);
        }
        for (long user : users) {
            api.await("sendMessage", c -> c.ok() && c.chatId() == user, perChat, WAIT);
        }
        Thread.sleep(1000);
        for (long user : users) {
            assertThat(api.sentTo(user)).as("chat %s", user).containsExactlyElementsOf(expected);
        }
    }

    private static int post(int instance, ObjectNode update, String secret) throws Exception {
        return post(instance, update.toString(), secret);
    }

    private static int post(int instance, String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ports.get(instance) + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookController.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
