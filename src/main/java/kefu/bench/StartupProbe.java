package kefu.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Start-up to the first answer, measured on a child process of the same jar: {@code chat --json} is started in
 * a temporary working directory (its own embedded Redis and caches) and sent a greeting; the time runs until
 * the answer line arrives. The first run finds no cache (cold); the next ones reuse the directory (warm). One
 * start moves by a few hundred milliseconds with whatever else the machine does, so the warm figure is the
 * median of {@value #WARM_RUNS} starts, each of which is reported.
 */
final class StartupProbe {

    static final int WARM_RUNS = 3;

    record Result(long coldMillis, long warmMillis, List<Long> warmRuns, double childPeakRssMib, String note) { }

    private final Path jar;
    private final List<String> passOn;

    /** {@code passOn}: the settings to give the child (the bot and knowledge folders of this run). */
    StartupProbe(Path jar, List<String> passOn) {
        this.jar = jar;
        this.passOn = List.copyOf(passOn);
    }

    /** The jar this process was started from, when it was started with {@code java -jar}. */
    static Optional<Path> ownJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path jar = Path.of(classPath).toAbsolutePath();
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        }
        return Optional.empty();
    }

    Result run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kefu-bench-start");
        try {
            long[] cold = once(dir);
            List<Long> warm = new ArrayList<>();
            long peakKib = cold[1];
            for (int i = 0; i < WARM_RUNS; i++) {
                long[] run = once(dir);
                warm.add(run[0]);
                peakKib = Math.max(peakKib, run[1]);
            }
            List<Long> sorted = warm.stream().sorted().toList();
            return new Result(cold[0], sorted.get(sorted.size() / 2), List.copyOf(warm), peakKib / 1024.0,
                    "child process `chat --json` in a fresh directory, time to the first answer; warm: median of "
                            + WARM_RUNS);
        } finally {
            deleteTree(dir);
        }
    }

    /** Returns {millis to first answer, peak RSS KiB of the child or -1}. */
    private long[] once(Path dir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "chat", "--json"));
        command.add("--kefu.redis.embedded-data-dir=" + dir.resolve("redis"));
        command.addAll(passOn);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("KEFU_REDIS_URL");
        pb.environment().remove("KEFU_TELEGRAM_TOKEN");
        long start = System.nanoTime();
        Process p = pb.start();
        long rssKib = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             OutputStream in = p.getOutputStream()) {
            // The probe's first message, as a buyer would type it: benchmark input, not wording the bot uses.
            in.write("{\"user\":\"bench\",\"text\":\"你好\"}\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            String line = out.readLine();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (line == null) {
                throw new IllegalStateException("the child bot exited without answering (exit " + p.waitFor() + ")");
            }
            double rss = ProcessMetrics.peakRssMib(p.pid());
            rssKib = rss < 0 ? -1 : Math.round(rss * 1024);
            in.close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new long[] {millis, rssKib};
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
