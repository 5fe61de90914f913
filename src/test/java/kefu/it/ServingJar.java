package kefu.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code target/kefu-bot.jar} started in a serving mode, as an operator's service manager would run it. */
final class ServingJar implements AutoCloseable {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> args;
    private final Map<String, String> env;
    private final Path workDir;
    private final Path stderr;
    private final int managementPort;
    private Process process;

    ServingJar(List<String> args, Map<String, String> env, Path workDir) throws IOException {
        this.args = args;
        this.workDir = workDir;
        this.managementPort = freePort();
        java.util.Map<String, String> all = new java.util.HashMap<>(env);
        all.put("KEFU_MANAGEMENT_PORT", String.valueOf(managementPort));
        all.putIfAbsent("KEFU_CONSOLE_PORT", "0");   // serve also runs the console: never on a fixed port in tests
        this.env = Map.copyOf(all);
        this.stderr = Files.createTempFile(workDir, "kefu-serving", ".err");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    ServingJar start() throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", PackagedJar.JAR.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().remove("KEFU_REDIS_URL");
        pb.environment().remove("KEFU_TELEGRAM_TOKEN");
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process = pb.start();
        return this;
    }

    /** Waits until the readiness probe answers 200; fails with the log when the process dies or time runs out. */
    ServingJar awaitReady(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kefu-bot.jar exited " + process.exitValue() + ":\n" + log());
            }
            try {
                if (get("/actuator/health/readiness").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("not ready within " + timeout + ":\n" + log());
    }

    /** Whether it is up and ready now, without waiting. */
    boolean ready() {
        try {
            return process != null && process.isAlive() && get("/actuator/health/readiness").statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    int managementPort() {
        return managementPort;
    }

    String log() throws IOException {
        return Files.readString(stderr);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no finishing of the updates in hand. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
