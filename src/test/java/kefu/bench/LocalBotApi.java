package kefu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the Telegram Bot API for the bot's polling client, speaking only the HTTP protocol (so it
 * needs no class of the Telegram channel): long-polled getUpdates, getMe, sendMessage; every other method
 * answers ok. It records when each update was offered and each message sent, and holds the bot to
 * Telegram's global limit like Telegram does: a send over 30 in the last second is answered 429.
 */
final class LocalBotApi implements AutoCloseable {

    static final int GLOBAL_PER_SECOND = 30;

    /** A message the bot sent: to whom and when (System.nanoTime). */
    record Sent(long chatId, long atNanos) { }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Deque<Long> lastSecond = new ArrayDeque<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);

    LocalBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues a private text message from {@code userId} for the next getUpdates. */
    void offerText(long userId, String text) {
        ObjectNode from = json.createObjectNode().put("id", userId).put("is_bot", false)
                .put("first_name", "B" + userId).put("language_code", "zh-hans");
        ObjectNode message = json.createObjectNode().put("message_id", nextMessageId.incrementAndGet())
                .put("date", System.currentTimeMillis() / 1000).put("text", text);
        message.set("chat", json.createObjectNode().put("id", userId).put("type", "private"));
        message.set("from", from);
        ObjectNode update = json.createObjectNode().put("update_id", nextUpdateId.incrementAndGet());
        update.set("message", message);
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Sends answered 429 because the bot went over 30 messages in a second. */
    int refused() {
        return refused.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = Pattern.compile("/bot[^/]+/([A-Za-z]+)").matcher(exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!m.matches()) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            JsonNode params = body.length == 0 || !isJson(exchange) ? json.createObjectNode() : json.readTree(body);
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "getupdates" -> respond(exchange, 200, ok(updates(params.path("offset").asInt(0),
                        params.path("timeout").asInt(0))));
                case "getme" -> respond(exchange, 200, ok(json.createObjectNode().put("id", 777001L)
                        .put("is_bot", true).put("first_name", "kefu").put("username", "kefu_bench_bot")));
                case "sendmessage" -> send(exchange, params.path("chat_id").asLong(), params.path("text").asText());
                default -> respond(exchange, 200, ok(json.getNodeFactory().booleanNode(true)));
            }
        }
    }

    private void send(HttpExchange exchange, long chatId, String text) throws IOException {
        long now = System.nanoTime();
        synchronized (lastSecond) {
            while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= 1_000_000_000L) {
                lastSecond.pollFirst();
            }
            if (lastSecond.size() >= GLOBAL_PER_SECOND) {
                refused.incrementAndGet();
                respond(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: "
                        + "retry after 1\",\"parameters\":{\"retry_after\":1}}");
                return;
            }
            lastSecond.addLast(now);
        }
        sent.add(new Sent(chatId, now));
        ObjectNode message = json.createObjectNode().put("message_id", nextMessageId.incrementAndGet())
                .put("date", System.currentTimeMillis() / 1000).put("text", text);
        message.set("chat", json.createObjectNode().put("id", chatId).put("type", "private"));
        respond(exchange, 200, ok(message));
    }

    private JsonNode updates(int offset, int timeoutSeconds) {
        long end = System.nanoTime() + Math.min(timeoutSeconds, 5) * 1_000_000_000L;
        synchronized (updates) {
            while (true) {
                updates.removeIf(u -> u.path("update_id").asInt() < offset);
                if (!updates.isEmpty() || System.nanoTime() >= end) {
                    ArrayNode out = json.createArrayNode();
                    updates.stream().limit(100).forEach(out::add);
                    return out;
                }
                try {
                    updates.wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return json.createArrayNode();
                }
            }
        }
    }

    private String ok(JsonNode result) throws IOException {
        ObjectNode body = json.createObjectNode().put("ok", true);
        body.set("result", result);
        return json.writeValueAsString(body);
    }

    private static boolean isJson(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type == null || type.contains("json");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
