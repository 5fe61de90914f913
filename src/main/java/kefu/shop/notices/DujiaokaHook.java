package kefu.shop.notices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The endpoint for dujiaoka's api_hook ({@code app/Jobs/ApiHook.php}): dujiaoka POSTs unsigned JSON
 * ({@code title, order_sn, email, actual_price, order_info, good_id, gd_name}) to the URL set on a goods item when an
 * order of it is paid and processed. The only authentication is the secret path segment,
 * {@code /dujiaoka/hook/SECRET}; the body is trusted for nothing but the order number, whose watches become due
 * now — the bot then reads the order from the database itself.
 */
public final class DujiaokaHook implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DujiaokaHook.class);
    private static final int MAX_BODY = 64 * 1024;
    static final String PATH = "/dujiaoka/hook/";

    private final HttpServer server;
    private final ExecutorService workers;

    private DujiaokaHook(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    public static DujiaokaHook start(String bind, int port, String secret, DeliveryWatches watches, ObjectMapper json)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 20);
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dujiaoka-hook");
            t.setDaemon(true);
            return t;
        });
        byte[] expected = (PATH + secret).getBytes(StandardCharsets.UTF_8);
        http.createContext("/", ex -> handle(ex, expected, watches, json));
        http.setExecutor(workers);
        http.start();
        log.info("dujiaoka api_hook endpoint listening on {}:{}{}<secret>", bind, http.getAddress().getPort(), PATH);
        return new DujiaokaHook(http, workers);
    }

    private static void handle(HttpExchange ex, byte[] expected, DeliveryWatches watches, ObjectMapper json) throws IOException {
        try (ex) {
            byte[] path = ex.getRequestURI().getRawPath().getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(path, expected)) {
                answer(ex, 404, "{}");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                answer(ex, 405, "{}");
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                answer(ex, 413, "{}");
                return;
            }
            JsonNode hook;
            try {
                hook = json.readTree(body);
            } catch (IOException e) {
                answer(ex, 400, "{\"error\":\"not json\"}");
                return;
            }
            String orderSn = hook == null ? "" : hook.path("order_sn").asText("").strip();
            if (orderSn.isEmpty() || orderSn.length() > 64) {
                answer(ex, 400, "{\"error\":\"order_sn missing\"}");
                return;
            }
            int due = watches.poke(orderSn);
            answer(ex, 200, "{\"ok\":true,\"watching\":" + due + "}");
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /** The endpoint when one is configured ({@code hook} null otherwise), closed with the application. */
    public record Endpoint(DujiaokaHook hook) implements AutoCloseable {
        @Override
        public void close() {
            if (hook != null) {
                hook.close();
            }
        }
    }

    public URI url(String secret) {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort() + PATH + secret);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
