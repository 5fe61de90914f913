package kefu.testsupport;

import redis.clients.jedis.Jedis;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (or Sentinel) process on a free loopback port, for tests of Cluster and Sentinel: the
 * machine's {@code /usr/bin/redis-server} when there is one, else the binary the embedded Redis ships.
 */
public final class RedisProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Path binary() throws IOException {
        Path machine = Path.of("/usr/bin/redis-server");
        return Files.isExecutable(machine) ? machine : ExecutableProvider.newJarResourceProvider().get().toPath();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A server with the given config lines (besides port, bind, dir, no persistence). */
    public static RedisProcess server(Path dir, String... config) throws IOException, InterruptedException {
        return start(dir, false, config);
    }

    /** A server on a given port: one started again where a stopped one was. */
    public static RedisProcess server(Path dir, int port, String... config) throws IOException, InterruptedException {
        return start(dir, false, port, config);
    }

    /** A Sentinel with the given config lines. */
    public static RedisProcess sentinel(Path dir, String... config) throws IOException, InterruptedException {
        return start(dir, true, config);
    }

    private static RedisProcess start(Path dir, boolean sentinel, String... config)
            throws IOException, InterruptedException {
        return start(dir, sentinel, freePort(), config);
    }

    private static RedisProcess start(Path dir, boolean sentinel, int port, String... config)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve(String.valueOf(port)));
        List<String> lines = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "dir " + home,
                "save \"\"", "appendonly no", "protected-mode no"));
        lines.addAll(List.of(config));
        Path conf = home.resolve(sentinel ? "sentinel.conf" : "redis.conf");
        Files.write(conf, lines);
        List<String> command = new ArrayList<>(List.of(binary().toString(), conf.toString()));
        if (sentinel) {
            command.add("--sentinel");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("log.txt").toFile()).start();
        RedisProcess started = new RedisProcess(p, port);
        started.awaitPing(Duration.ofSeconds(20));
        return started;
    }

    private void awaitPing(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try (Jedis j = jedis()) {
                if ("PONG".equals(j.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // starting
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("redis on port " + port + " did not start");
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public Jedis jedis() {
        return new Jedis("127.0.0.1", port, 2000);
    }

    /** SIGKILL: no shutdown save, no goodbye to replicas or Sentinels. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Three masters forming one Cluster, the 16384 slots split between them (no replicas: the test is about
     * keys and slots, not about Cluster failover).
     */
    public static List<RedisProcess> cluster(Path dir) throws IOException, InterruptedException {
        List<RedisProcess> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(server(dir, "cluster-enabled yes", "cluster-node-timeout 3000",
                    "cluster-config-file nodes.conf"));
        }
        int[][] ranges = {{0, 5460}, {5461, 10922}, {10923, 16383}};
        for (int i = 0; i < 3; i++) {
            try (Jedis j = nodes.get(i).jedis()) {
                int[] slots = new int[ranges[i][1] - ranges[i][0] + 1];
                for (int s = 0; s < slots.length; s++) {
                    slots[s] = ranges[i][0] + s;
                }
                j.clusterAddSlots(slots);
                if (i > 0) {
                    j.clusterMeet("127.0.0.1", nodes.get(0).port());
                }
            }
        }
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            boolean ok = true;
            for (RedisProcess n : nodes) {
                try (Jedis j = n.jedis()) {
                    ok &= j.clusterInfo().contains("cluster_state:ok") && j.clusterNodes().lines().count() == 3;
                }
            }
            if (ok) {
                return nodes;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the cluster did not come up");
    }
}
