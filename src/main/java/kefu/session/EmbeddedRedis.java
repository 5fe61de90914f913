package kefu.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A Redis server started by the bot itself when no {@code KEFU_REDIS_URL} is given, so a bare machine runs it.
 * It persists to an append-only file, so conversations survive a restart of the bot. It is meant for one
 * machine and development, and locked down against the other users of that machine: it listens on loopback
 * only, requires a random password made at each start (known only to this process), has the admin commands
 * that write files or change the server disabled, and keeps its data in a directory only the bot's user can read.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    /** Commands the bot never needs that would let a client write files, change the server or watch all traffic. */
    static final List<String> DISABLED_COMMANDS = List.of("CONFIG", "DEBUG", "MODULE", "SLAVEOF", "REPLICAOF",
            "MIGRATE", "MONITOR", "SAVE", "BGSAVE", "BGREWRITEAOF", "SHUTDOWN", "FLUSHALL", "FLUSHDB", "SYNC", "PSYNC");

    private final RedisServer server;
    private final int port;
    private final String password;

    private EmbeddedRedis(RedisServer server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    public static EmbeddedRedis start(Path dataDir) {
        try {
            return start(dataDir, freeLoopbackPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the embedded Redis", e);
        }
    }

    public static EmbeddedRedis start(Path dataDir, int port) {
        return start(dataDir, port, randomPassword());
    }

    /** With a given password: a server restarted on the same data for clients that already know it. */
    public static EmbeddedRedis start(Path dataDir, int port, String password) {
        try {
            ownerOnly(dataDir);
            // The settings go to a temporary config file Java creates readable by the owner only, so the
            // password is not on the command line either.
            RedisServerBuilder builder = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDir.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .setting("maxmemory-policy noeviction")
                    .setting("protected-mode yes")
                    .setting("requirepass " + password);
            for (String command : DISABLED_COMMANDS) {
                builder.setting("rename-command " + command + " \"\"");
            }
            RedisServer server = builder.build();
            server.start();
            log.info("No KEFU_REDIS_URL given: started embedded Redis on 127.0.0.1:{} (data in {}; for one machine "
                    + "and development — set KEFU_REDIS_URL in production)", port, dataDir.toAbsolutePath());
            return new EmbeddedRedis(server, port, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Redis; set KEFU_REDIS_URL to use an external one", e);
        }
    }

    /** The URL with the password: hand it to a client, never to a log. */
    public String url() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    @Override
    public String toString() {
        return "EmbeddedRedis[127.0.0.1:" + port + "]";
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("embedded Redis did not stop cleanly: {}", e.getMessage());
        }
    }

    /** Creates the data directory, or narrows an existing one, to rwx for the owner only (where POSIX allows). */
    private static void ownerOnly(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        if (Files.getFileStore(dataDir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
