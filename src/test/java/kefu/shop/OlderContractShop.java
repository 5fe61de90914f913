package kefu.shop;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A shop of the signed contract from before its optional staff endpoints (ticket and urge lists, status changes):
 * every call gets the contract's 404, or for a POST its framework's 405 page. Records what it was asked.
 */
public final class OlderContractShop implements AutoCloseable {

    private final HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    public OlderContractShop() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            boolean signed = ex.getRequestHeaders().getFirst("X-Signature") != null;
            asked.add(ex.getRequestMethod() + " " + ex.getRequestURI() + (signed ? " signed" : ""));
            boolean post = "POST".equals(ex.getRequestMethod());
            byte[] body = (post ? "<html><body>405 Method Not Allowed</body></html>" : "{\"error\":\"no_such_endpoint\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(post ? 405 : 404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Each request as "METHOD /path?query", with " signed" when it carried a signature. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
