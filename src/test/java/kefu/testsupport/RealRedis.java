package kefu.testsupport;

import kefu.session.EmbeddedRedis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Redis server tests use: the machine's on 127.0.0.1:6379 when it answers PING, otherwise an
 * embedded one started once for the whole test run. Tests keep apart by key prefix, never by flushing.
 */
public final class RealRedis {

    private static String url;

    private RealRedis() {
    }

    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv("KEFU_TEST_REDIS_URL");
            if (configured != null && !configured.isBlank()) {
                url = configured;
            } else if (answersPing("127.0.0.1", 6379)) {
                url = "redis://127.0.0.1:6379";
            } else {
                try {
                    EmbeddedRedis server = EmbeddedRedis.start(Files.createTempDirectory("kefu-test-redis"));
                    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                    url = server.url();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot start embedded Redis for tests", e);
                }
            }
        }
        return url;
    }

    /** A key prefix no other test run uses. */
    public static String freshPrefix() {
        return "kefu-test:" + java.util.UUID.randomUUID() + ":";
    }

    static boolean answersPing(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[7];
            int n = in.readNBytes(buf, 0, 7);
            return new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** Where tests put throwaway files. */
    public static Path tempDir(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
