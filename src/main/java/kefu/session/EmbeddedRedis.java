package kefu.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Redis server started by the bot itself when no {@code KEFU_REDIS_URL} is given, so a bare machine runs it.
 * It persists to an append-only file, so conversations survive a restart of the bot.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedis start(Path dataDir) {
        try {
            return start(dataDir, freeLoopbackPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the embedded Redis", e);
        }
    }

    public static EmbeddedRedis start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDir.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .setting("maxmemory-policy noeviction")
                    .build();
            server.start();
            log.info("No KEFU_REDIS_URL given: started embedded Redis on 127.0.0.1:{} (data in {})",
                    port, dataDir.toAbsolutePath());
            return new EmbeddedRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Redis; set KEFU_REDIS_URL to use an external one", e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("embedded Redis did not stop cleanly: {}", e.getMessage());
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
