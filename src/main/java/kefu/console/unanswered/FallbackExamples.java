package kefu.console.unanswered;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "Out of scope": adds a question to the {@code fallback} examples in {@code bot/intents.yml}, so the bot says it
 * cannot help with that instead of guessing an article. Lines are inserted, the rest of the file is kept.
 * Intent examples are read at start-up: the addition applies from the next start.
 */
public final class FallbackExamples {

    private final Path file;

    public FallbackExamples(Path botDir) {
        this.file = botDir.resolve("intents.yml");
    }

    public void add(String question) {
        String q = question.strip().replaceAll("\\s+", " ").replace("\"", "'");
        if (!Files.isWritable(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " is not on disk or not writable");
        }
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            int key = lines.indexOf("fallback:");
            String item = "  - \"" + q.replace("\\", "\\\\") + "\"";
            if (key < 0) {
                lines.add("fallback:");
                lines.add(item);
            } else {
                int last = key;
                for (int i = key + 1; i < lines.size(); i++) {
                    String l = lines.get(i);
                    if (l.isBlank() || l.startsWith("#")) {
                        continue;
                    }
                    if (!l.startsWith(" ")) {
                        break;
                    }
                    last = i;
                }
                lines.add(last + 1, item);
            }
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
