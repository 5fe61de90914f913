package kefu.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server speaking enough of the Telegram Bot API for the real telegrambots client: long-polled
 * getUpdates, sending, callbacks, commands, files, forum topics and chat members. Every call is recorded
 * with its arrival time; sends can be answered with 429 (retry_after) or 403 (blocked).
 */
public final class BotApiTestServer implements AutoCloseable {

    public static final long BOT_ID = 777000L;
    public static final String BOT_USERNAME = "kefu_test_bot";

    /** One request: the method (lower case), its parameters, when it arrived and the HTTP status answered. */
    public record Call(String method, JsonNode params, long atNanos, int status) {
        public long chatId() {
            return params.path("chat_id").asLong();
        }

        public String text() {
            return params.path("text").asText();
        }

        public boolean ok() {
            return status == 200;
        }
    }

    private record Failure(int code, int retryAfter) { }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bot-api-test-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final AtomicInteger nextTopicId = new AtomicInteger(100);
    private final Map<Long, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Set<String> cutOff = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> memberStatus = new ConcurrentHashMap<>();
    private final Map<String, String> chatMemberStatus = new ConcurrentHashMap<>();
    private final Set<String> topicAdmins = ConcurrentHashMap.newKeySet();

    private final Deque<Long> lastSecond = new ArrayDeque<>();
    private volatile boolean globalLimit;
    private final Map<Long, Deque<Long>> chatWindows = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Long>> groupWindows = new ConcurrentHashMap<>();
    private volatile int perChatMax;
    private volatile long perChatWindowNanos;
    private volatile int perGroupMax;
    private volatile long perGroupWindowNanos;

    public BotApiTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A sender talking to this server with the bot's own client settings (for tests without the whole bot). */
    public TelegramSender sender(SendRateLimiter limiter, BlockedChats blocked) {
        TelegramUrl address = new TelegramUrl("http", "127.0.0.1", server.getAddress().getPort(), false);
        return new TelegramSender(new OkHttpTelegramClient(TelegramConfig.telegramJson(),
                TelegramConfig.sendingHttpClient(), "123456:TEST", address), limiter, blocked, 8);
    }

    // ---- what the test arranges

    public int privateText(long userId, String text) {
        ObjectNode message = message(userId, userId, "private");
        message.put("text", text);
        if (text.startsWith("/")) {
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", text.split("\\s+")[0].length());
        }
        return push("message", message);
    }

    /** A private text from a user whose Telegram app is set to {@code languageCode} (e.g. {@code en}). */
    public int privateTextIn(long userId, String languageCode, String text) {
        ObjectNode message = message(userId, userId, "private");
        ((ObjectNode) message.get("from")).put("language_code", languageCode);
        message.put("text", text);
        return push("message", message);
    }

    public int groupText(long groupId, long userId, String text) {
        ObjectNode message = message(groupId, userId, "supergroup");
        message.put("text", text);
        return push("message", message);
    }

    public int topicText(long groupId, int topicId, long userId, String text) {
        ObjectNode message = message(groupId, userId, "supergroup");
        message.put("text", text).put("message_thread_id", topicId).put("is_topic_message", true);
        return push("message", message);
    }

    /** A voice message staff record in a topic. */
    public int topicVoice(long groupId, int topicId, long userId, int seconds) {
        ObjectNode message = message(groupId, userId, "supergroup");
        message.put("message_thread_id", topicId).put("is_topic_message", true);
        message.putObject("voice").put("file_id", "voice-staff-" + userId).put("file_unique_id", "vs" + userId)
                .put("duration", seconds);
        return push("message", message);
    }

    /** Downloads of this file stop halfway, as on a dropped connection. */
    public void cutOffDownloadsOf(String fileId) {
        cutOff.add(fileId);
    }

    public int privatePhoto(long userId, String fileId, byte[] bytes, String caption) {
        files.put(fileId, bytes);
        ObjectNode message = message(userId, userId, "private");
        ArrayNode sizes = message.putArray("photo");
        sizes.addObject().put("file_id", fileId + "-small").put("file_unique_id", fileId + "s").put("width", 90)
                .put("height", 90).put("file_size", Math.min(bytes.length, 10));
        sizes.addObject().put("file_id", fileId).put("file_unique_id", fileId + "u").put("width", 800)
                .put("height", 600).put("file_size", bytes.length);
        if (caption != null) {
            message.put("caption", caption);
        }
        return push("message", message);
    }

    /** A voice message of {@code seconds}. */
    public int privateVoice(long userId, int seconds) {
        ObjectNode message = message(userId, userId, "private");
        message.putObject("voice").put("file_id", "voice-" + userId).put("file_unique_id", "v" + userId)
                .put("duration", seconds);
        return push("message", message);
    }

    /** A sticker standing for {@code emoji}. */
    public int privateSticker(long userId, String emoji) {
        ObjectNode message = message(userId, userId, "private");
        message.putObject("sticker").put("file_id", "sticker-" + userId).put("file_unique_id", "s" + userId)
                .put("type", "regular").put("width", 512).put("height", 512).put("is_animated", false)
                .put("is_video", false).put("emoji", emoji);
        return push("message", message);
    }

    /** A video of {@code seconds} with a caption (null: none). */
    public int privateVideo(long userId, int seconds, String caption) {
        ObjectNode message = message(userId, userId, "private");
        message.putObject("video").put("file_id", "video-" + userId).put("file_unique_id", "vd" + userId)
                .put("width", 640).put("height", 360).put("duration", seconds);
        if (caption != null) {
            message.put("caption", caption);
        }
        return push("message", message);
    }

    /** A file sent as a document, with the file name the sender's app claims. */
    public int privateDocument(long userId, String fileId, byte[] bytes, String fileName, String caption) {
        files.put(fileId, bytes);
        ObjectNode message = message(userId, userId, "private");
        message.putObject("document").put("file_id", fileId).put("file_unique_id", fileId + "u")
                .put("file_name", fileName).put("mime_type", "image/png").put("file_size", bytes.length);
        if (caption != null) {
            message.put("caption", caption);
        }
        return push("message", message);
    }

    /** A press on a button under the bot's message in {@code chatId}. */
    public int press(long chatId, long userId, String callbackId, String data, Integer topicId) {
        ObjectNode callback = json.createObjectNode();
        callback.put("id", callbackId).put("chat_instance", "ci").put("data", data);
        callback.set("from", user(userId));
        ObjectNode message = message(chatId, BOT_ID, chatId < 0 ? "supergroup" : "private");
        message.set("from", user(BOT_ID).put("is_bot", true));
        message.put("text", "card");
        if (topicId != null) {
            message.put("message_thread_id", topicId).put("is_topic_message", true);
        }
        callback.set("message", message);
        return push("callback_query", callback);
    }

    /** The JSON of an update as Telegram would post it to a webhook (not queued for getUpdates). */
    public ObjectNode webhookText(long userId, String text) {
        ObjectNode message = message(userId, userId, "private");
        message.put("text", text);
        ObjectNode update = json.createObjectNode();
        update.put("update_id", nextUpdateId.incrementAndGet());
        update.set("message", message);
        return update;
    }

    /** Telegram's overall sending limit, which {@link #enforceGlobalLimit} holds the bot to. */
    public static final int TELEGRAM_GLOBAL_PER_SECOND = 30;

    /** From now on a send beyond 30 in the last second is answered 429, as Telegram does. */
    public void enforceGlobalLimit() {
        globalLimit = true;
    }

    /**
     * From now on Telegram's per-chat and per-group limits are enforced too: a send beyond {@code chatMax} in
     * {@code chatWindow} to one chat, or beyond {@code groupMax} in {@code groupWindow} to one group, is answered
     * 429. Telegram's own figures are about 1 message/s per chat and 20 per minute per group.
     */
    public void enforceLimits(int chatMax, Duration chatWindow, int groupMax, Duration groupWindow) {
        perChatMax = chatMax;
        perChatWindowNanos = chatWindow.toNanos();
        perGroupMax = groupMax;
        perGroupWindowNanos = groupWindow.toNanos();
        globalLimit = true;
    }

    /** Messages the server accepted, in arrival order. */
    public List<Call> delivered() {
        return calls("sendMessage").stream().filter(Call::ok).toList();
    }

    /** Sends answered 429, whether by {@link #failNextSend} or by the global limit. */
    public long refusedWith429() {
        return calls().stream().filter(c -> c.status() == 429).count();
    }

    public void failNextSend(long chatId, int code, int retryAfter) {
        failures.computeIfAbsent(chatId, c -> new ArrayDeque<>()).add(new Failure(code, retryAfter));
    }

    public void blockBy(long chatId) {
        blocked.add(chatId);
    }

    public void memberStatus(long userId, String status) {
        memberStatus.put(userId, status);
    }

    /** The user is an administrator of the chat who may manage its topics. */
    public void adminWithTopics(long chatId, long userId) {
        memberStatus(chatId, userId, "administrator");
        topicAdmins.add(chatId + ":" + userId);
    }

    /** The user's status in one chat only (getChatMember for another chat falls back to {@link #memberStatus(long, String)}). */
    public void memberStatus(long chatId, long userId, String status) {
        chatMemberStatus.put(chatId + ":" + userId, status);
    }

    // ---- what the test checks

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method.toLowerCase(Locale.ROOT))).toList();
    }

    /** Texts successfully sent to a chat, in arrival order. */
    public List<String> sentTo(long chatId) {
        return calls("sendMessage").stream().filter(c -> c.ok() && c.chatId() == chatId).map(Call::text).toList();
    }

    public List<Call> await(String method, Predicate<Call> match, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Call> found = calls(method).stream().filter(match).toList();
            if (found.size() >= count || System.nanoTime() > end) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    // ---- the server

    private void serve(HttpExchange exchange) throws IOException {
        String requested = exchange.getRequestURI().getPath();
        String requestedFile = requested.substring(requested.lastIndexOf('/') + 1);
        if (requested.startsWith("/file/bot") && cutOff.contains(requestedFile) && files.containsKey(requestedFile)) {
            // The connection drops halfway: the length promised is never delivered. Throwing without closing the
            // exchange makes the server drop the connection.
            byte[] bytes = files.get(requestedFile);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
            throw new IOException("download cut off on purpose");
        }
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/file/bot")) {
                String fileId = path.substring(path.lastIndexOf('/') + 1);
                byte[] bytes = files.get(fileId);
                if (bytes == null) {
                    respond(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
                } else {
                    respond(exchange, 200, bytes);
                }
                return;
            }
            Matcher m = Pattern.compile("/bot[^/]+/([A-Za-z]+)").matcher(path);
            if (!m.matches()) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String method = m.group(1).toLowerCase(Locale.ROOT);
            JsonNode params = params(exchange.getRequestHeaders().getFirst("Content-Type"), body);
            long at = System.nanoTime();
            Answer answer = answer(method, params);
            calls.add(new Call(method, params, at, answer.status()));
            respond(exchange, answer.status(), json.writeValueAsBytes(answer.body()));
        }
    }

    private record Answer(int status, JsonNode body) { }

    private Answer answer(String method, JsonNode p) {
        return switch (method) {
            case "getupdates" -> ok(getUpdates(p.path("offset").asInt(0), p.path("timeout").asInt(0)));
            case "sendmessage", "sendphoto", "senddocument" -> send(p);
            case "copymessage" -> {
                Answer sent = send(p);
                yield sent.status() != 200 ? sent
                        : ok(json.createObjectNode().put("message_id", sent.body().path("result").path("message_id").asInt()));
            }
            case "getme" -> ok(user(BOT_ID).put("is_bot", true).put("username", BOT_USERNAME));
            case "getfile" -> {
                String id = p.path("file_id").asText();
                byte[] bytes = files.get(id);
                yield bytes == null ? error(400, "Bad Request: invalid file_id", 0)
                        : ok(json.createObjectNode().put("file_id", id).put("file_unique_id", id + "u")
                        .put("file_size", bytes.length).put("file_path", "photos/" + id));
            }
            case "createforumtopic" -> ok(json.createObjectNode().put("message_thread_id", nextTopicId.incrementAndGet())
                    .put("name", p.path("name").asText()).put("icon_color", 7322096));
            case "getchatmember" -> {
                long userId = p.path("user_id").asLong();
                String status = chatMemberStatus.getOrDefault(p.path("chat_id").asText() + ":" + userId,
                        memberStatus.getOrDefault(userId, "left"));
                ObjectNode member = json.createObjectNode().put("status", status);
                if ("administrator".equals(status)) {
                    member.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                            .put("can_manage_topics", topicAdmins.contains(p.path("chat_id").asText() + ":" + userId));
                }
                member.set("user", user(userId));
                yield ok(member);
            }
            default -> ok(json.getNodeFactory().booleanNode(true));
        };
    }

    private Answer send(JsonNode p) {
        long chatId = p.path("chat_id").asLong();
        if (blocked.contains(chatId)) {
            return error(403, "Forbidden: bot was blocked by the user", 0);
        }
        if (globalLimit && !admitUnderGlobalLimit()) {
            return error(429, "Too Many Requests: retry after 1", 1);
        }
        if (perChatMax > 0 && !admit(chatWindows, chatId, perChatMax, perChatWindowNanos)) {
            return error(429, "Too Many Requests: retry after 1", 1);
        }
        if (perGroupMax > 0 && chatId < 0 && !admit(groupWindows, chatId, perGroupMax, perGroupWindowNanos)) {
            return error(429, "Too Many Requests: retry after 3", 3);
        }
        Deque<Failure> queue = failures.get(chatId);
        Failure failure = queue == null ? null : queue.poll();
        if (failure != null) {
            return error(failure.code(), failure.code() == 429 ? "Too Many Requests: retry after "
                    + failure.retryAfter() : "Forbidden: bot was blocked by the user", failure.retryAfter());
        }
        ObjectNode message = json.createObjectNode();
        message.put("message_id", nextMessageId.incrementAndGet()).put("date", now());
        message.set("chat", json.createObjectNode().put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private"));
        if (p.has("text")) {
            message.put("text", p.path("text").asText());
        }
        if (p.has("message_thread_id")) {
            message.put("message_thread_id", p.path("message_thread_id").asInt());
        }
        return ok(message);
    }

    private static boolean admit(Map<Long, Deque<Long>> windows, long chatId, int max, long windowNanos) {
        Deque<Long> window = windows.computeIfAbsent(chatId, c -> new ArrayDeque<>());
        long now = System.nanoTime();
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                window.pollFirst();
            }
            if (window.size() >= max) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    private boolean admitUnderGlobalLimit() {
        long now = System.nanoTime();
        synchronized (lastSecond) {
            while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= 1_000_000_000L) {
                lastSecond.pollFirst();
            }
            if (lastSecond.size() >= TELEGRAM_GLOBAL_PER_SECOND) {
                return false;
            }
            lastSecond.addLast(now);
            return true;
        }
    }

    private JsonNode getUpdates(int offset, int timeoutSeconds) {
        long end = System.nanoTime() + Duration.ofSeconds(Math.min(timeoutSeconds, 5)).toNanos();
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

    private int push(String kind, ObjectNode payload) {
        int id = nextUpdateId.incrementAndGet();
        ObjectNode update = json.createObjectNode();
        update.put("update_id", id);
        update.set(kind, payload);
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
        return id;
    }

    private ObjectNode message(long chatId, long fromId, String chatType) {
        ObjectNode message = json.createObjectNode();
        message.put("message_id", nextMessageId.incrementAndGet()).put("date", now());
        message.set("chat", json.createObjectNode().put("id", chatId).put("type", chatType));
        message.set("from", user(fromId));
        return message;
    }

    private ObjectNode user(long id) {
        return json.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "U" + id)
                .put("language_code", "zh-hans");
    }

    private Answer ok(JsonNode result) {
        ObjectNode body = json.createObjectNode().put("ok", true);
        body.set("result", result);
        return new Answer(200, body);
    }

    private Answer error(int code, String description, int retryAfter) {
        ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter > 0) {
            body.set("parameters", json.createObjectNode().put("retry_after", retryAfter));
        }
        return new Answer(code, body);
    }

    private JsonNode params(String contentType, byte[] body) throws IOException {
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            return multipart(contentType, body);
        }
        if (body.length == 0) {
            return json.createObjectNode();
        }
        return json.readTree(body);
    }

    /** Form fields of a multipart upload; a file part is recorded by its size. */
    private JsonNode multipart(String contentType, byte[] body) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        ObjectNode out = json.createObjectNode();
        for (String part : raw.split(Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = part.substring(0, split);
            String value = part.substring(split + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            if (headers.contains("filename=")) {
                out.put(name.group(1) + "_bytes", value.length());
            } else {
                out.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static void respond(HttpExchange exchange, int status, byte[] bytes) throws IOException {
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
