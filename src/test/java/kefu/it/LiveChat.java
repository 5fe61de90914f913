package kefu.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code chat --json --follow} kept running, as a buyer's chat that stays open while staff act elsewhere: lines
 * are written one at a time, and output lines (answers and pushed messages) are read as they appear.
 */
final class LiveChat implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream in;
    private final Path out;
    private final Path err;
    private int read;

    LiveChat(List<String> args, Path workDir, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", PackagedJar.JAR.toAbsolutePath().toString(),
                "chat", "--json", "--follow"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().remove("KEFU_REDIS_URL");
        pb.environment().remove("KEFU_TELEGRAM_TOKEN");
        pb.environment().putAll(env);
        out = Files.createTempFile("kefu-live", ".out");
        err = Files.createTempFile("kefu-live", ".err");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        process = pb.start();
        in = process.getOutputStream();
    }

    /** Sends one line and returns the answer to it (the next output line that is not a pushed message). */
    JsonNode send(String line, Duration timeout) throws Exception {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        return await(n -> !n.path("pushed").asBoolean(), timeout);
    }

    /** The next output line, from those not read yet, that matches; fails after {@code timeout}. */
    JsonNode await(Predicate<JsonNode> wanted, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            while (read < lines.size()) {
                String l = lines.get(read);
                if (!l.endsWith("}")) {
                    break; // a line still being written
                }
                read++;
                JsonNode node = JSON.readTree(l);
                if (wanted.test(node)) {
                    return node;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("chat exited with " + process.exitValue() + ": " + Files.readString(err));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no wanted chat line within " + timeout + "; output so far:\n"
                + Files.readString(out) + "\nstderr tail:\n" + tail(Files.readString(err)));
    }

    private static String tail(String s) {
        return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
    }

    @Override
    public void close() throws Exception {
        in.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }
}
