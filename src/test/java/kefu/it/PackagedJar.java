package kefu.it;

import java.io.IOException;
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
    private static final long TIMEOUT_SECONDS = 120;

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
        // stdout goes to a file, not a pipe read to its end: a jar that hangs must fail the test after the
        // timeout, not hang the build.
        Path outFile = Files.createTempFile("kefu-it", ".out");
        pb.redirectOutput(outFile.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("kefu-bot.jar did not exit within " + TIMEOUT_SECONDS + " s; stderr:\n"
                    + Files.readString(err));
        }
        List<String> out = Files.readAllLines(outFile, StandardCharsets.UTF_8);
        Files.deleteIfExists(outFile);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(out, Files.readString(err), p.exitValue(), millis);
    }
}
