package kefu.shop.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import kefu.shop.RequestSigner;
import kefu.shop.TicketRequest;
import kefu.shop.sandbox.SandboxShop.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@link SandboxShop} over HTTP on a loopback port with the JDK's built-in server: checks every
 * request's signature, replays the stored answer for a repeated Idempotency-Key, and routes to the shop.
 */
public final class SandboxShopServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxShopServer.class);
    private static final String API = "/api/v1/";

    private final SandboxShop shop;
    private final SignatureCheck signatures;
    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final int maxBodyBytes;
    private final HttpServer server;
    private final ExecutorService workers;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private SandboxShopServer(SandboxShop shop, SignatureCheck signatures, StringRedisTemplate redis, ObjectMapper json,
                              int maxBodyBytes, HttpServer server, ExecutorService workers) {
        this.shop = shop;
        this.signatures = signatures;
        this.redis = redis;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.server = server;
        this.workers = workers;
    }

    /** Starts serving on {@code host:port} (port 0 = any free port). */
    public static SandboxShopServer start(SandboxShop shop, RequestSigner signer, String apiKey, Duration maxSkew,
                                          StringRedisTemplate redis, ObjectMapper json, int maxBodyBytes,
                                          InetAddress host, int port, Clock clock) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 50);
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sandbox-shop-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        SignatureCheck check = new SignatureCheck(signer, apiKey, maxSkew, redis, shop.prefix() + "nonce:", clock);
        SandboxShopServer s = new SandboxShopServer(shop, check, redis, json, maxBodyBytes, http, workers);
        http.createContext("/", s::serve);
        http.setExecutor(workers);
        http.start();
        log.info("Sandbox shop listening on http://{}:{}", host.getHostAddress(), http.getAddress().getPort());
        return s;
    }

    public URI baseUrl() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            Answer answer;
            try {
                answer = handle(ex);
            } catch (RuntimeException e) {
                log.warn("sandbox shop failed on {} {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
                answer = Answer.error(500, "internal_error");
            }
            byte[] out = json.writeValueAsBytes(answer.body());
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(answer.status(), out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private Answer handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        URI uri = ex.getRequestURI();
        String rawPath = uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? rawPath : rawPath + "?" + uri.getRawQuery();
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            return Answer.error(413, "body_too_large");
        }
        var h = ex.getRequestHeaders();
        Optional<String> refused = signatures.refuse(method, pathAndQuery, h.getFirst(RequestSigner.API_KEY),
                h.getFirst(RequestSigner.TIMESTAMP), h.getFirst(RequestSigner.NONCE),
                h.getFirst(RequestSigner.SIGNATURE), body);
        if (refused.isPresent()) {
            return Answer.error(401, refused.get());
        }
        if (!rawPath.startsWith(API)) {
            return Answer.error(404, "no_such_endpoint");
        }
        String idempotencyKey = h.getFirst(RequestSigner.IDEMPOTENCY_KEY);
        if (idempotencyKey == null || !"POST".equals(method)) {
            return route(method, rawPath.substring(API.length()).split("/"), uri.getRawQuery(), body);
        }
        return once(method + " " + rawPath + " " + idempotencyKey,
                () -> route(method, rawPath.substring(API.length()).split("/"), uri.getRawQuery(), body));
    }

    /** A write repeated with the same Idempotency-Key gets the first answer again and changes nothing. */
    private Answer once(String idempotency, IoSupplier<Answer> work) throws IOException {
        String key = shop.prefix() + "idem:" + RequestSigner.sha256Hex(idempotency);
        String stored = redis.opsForValue().get(key);
        if (stored != null) {
            JsonNode saved = json.readTree(stored);
            return new Answer(saved.get("status").asInt(), saved.get("body"));
        }
        if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key + ":lock", "1", Duration.ofSeconds(30)))) {
            return Answer.error(409, "in_progress");
        }
        try {
            Answer answer = work.get();
            if (answer.status() < 500) {
                redis.opsForValue().set(key, json.writeValueAsString(Map.of("status", answer.status(),
                        "body", answer.body())), Duration.ofHours(24));
            }
            return answer;
        } finally {
            redis.delete(key + ":lock");
        }
    }

    private Answer route(String method, String[] p, String query, byte[] body) throws IOException {
        JsonNode in = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        if (in == null || !in.isObject()) {
            return Answer.error(400, "body must be a JSON object");
        }
        String m = method + " " + p[0] + "/" + p.length;
        return switch (m) {
            case "POST bindings/1" -> shop.bind(text(in, "chatUser"), text(in, "code"));
            case "GET orders/2" -> shop.order(dec(p[1]));
            case "POST orders/3" -> switch (p[2]) {
                case "verify" -> shop.verify(dec(p[1]), text(in, "chatUser"), text(in, "proof"));
                case "urge" -> shop.urge(dec(p[1]), text(in, "chatUser"));
                case "cancel" -> shop.cancel(dec(p[1]));
                default -> Answer.error(404, "no_such_endpoint");
            };
            case "POST accounts/3" -> "bind-codes".equals(p[2])
                    ? shop.issueBindCode(dec(p[1])) : Answer.error(404, "no_such_endpoint");
            case "GET accounts/3" -> "orders".equals(p[2])
                    ? shop.recentOrders(dec(p[1]), limit(query, 5, 50)) : Answer.error(404, "no_such_endpoint");
            case "POST evidence/1" -> shop.upload(text(in, "chatUser"), text(in, "fileName"), text(in, "mimeType"),
                    text(in, "contentBase64"));
            case "POST tickets/1" -> shop.file(json.treeToValue(in, TicketRequest.class));
            case "GET tickets/1" -> shop.tickets(statuses(query), limit(query, 50, 200));
            case "GET tickets/2" -> shop.ticketAnswer(dec(p[1]));
            case "GET urges/1" -> shop.urges(statuses(query), limit(query, 50, 200));
            case "POST tickets/3" -> "status".equals(p[2])
                    ? shop.changeTicket(dec(p[1]), text(in, "status"), text(in, "note"), text(in, "by"))
                    : Answer.error(404, "no_such_endpoint");
            default -> Answer.error(404, "no_such_endpoint");
        };
    }

    private static int limit(String query, int absent, int max) {
        try {
            String limit = param(query, "limit");
            return limit == null ? absent : Math.min(max, Integer.parseInt(limit));
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    /** {@code status=open,processing}; absent = any status. */
    private static List<String> statuses(String query) {
        String status = param(query, "status");
        return status == null || status.isBlank() ? List.of() : List.of(status.split(","));
    }

    private static String param(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return dec(pair.substring(name.length() + 1));
                }
            }
        }
        return null;
    }

    private static String text(JsonNode in, String field) {
        JsonNode v = in.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String dec(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }
}
