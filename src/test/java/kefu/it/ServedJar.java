package kefu.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar kefu-bot.jar serve} as a running process: waits for the console's URL, stops on close. */
final class ServedJar implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("Console: (http://\\S+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Path err;

    ServedJar(List<String> args, Path workDir, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", PackagedJar.JAR.toAbsolutePath().toString(), "serve"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().remove("KEFU_REDIS_URL");
        pb.environment().remove("KEFU_TELEGRAM_TOKEN");
        pb.environment().putAll(env);
        err = Files.createTempFile("kefu-serve", ".err");
        pb.redirectError(err.toFile());
        process = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
            }
        }, "served-jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The console's base URL as the process printed it, e.g. {@code http://127.0.0.1:41234/console/}. */
    String awaitConsoleUrl(Duration timeout) throws InterruptedException, IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (String line : output) {
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("serve exited with " + process.exitValue() + ": " + output + "\n"
                        + Files.readString(err));
            }
            Thread.sleep(200);
        }
        List<String> err = Files.readAllLines(this.err);
        throw new IllegalStateException("serve printed no console URL within " + timeout + ": " + output + "\n"
                + String.join("\n", err.subList(Math.max(0, err.size() - 20), err.size())));
    }

    List<String> output() {
        return List.copyOf(output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
