package kefu.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code target/kefu-bot.jar} as a separate process, the way the README tells an operator to. */
final class PackagedJar {

    static final Path JAR = Path.of("target", "kefu-bot.jar");

    record Run(List<String> stdout, String stderr, int exitCode, long millis) { }

    static Run run(List<String> args, String stdin, Path workDir, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().remove("KEFU_REDIS_URL");
        pb.environment().remove("KEFU_TELEGRAM_TOKEN");
        pb.environment().putAll(env);
        Path err = Files.createTempFile("kefu-it", ".err");
        pb.redirectError(err.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("kefu-bot.jar did not exit within 120 s");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(out, Files.readString(err), p.exitValue(), millis);
    }
}
