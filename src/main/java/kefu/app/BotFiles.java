package kefu.app;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the operator's files: the {@code bot/} and {@code knowledge-base/} folders next to where the bot runs,
 * or, when started elsewhere, the copies packaged in the jar.
 */
public final class BotFiles {

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    private final Path botDir;
    private final Path knowledgeDir;

    public BotFiles(Path botDir, Path knowledgeDir) {
        this.botDir = botDir;
        this.knowledgeDir = knowledgeDir;
    }

    public Path botDir() {
        return botDir;
    }

    public Path knowledgeDir() {
        return knowledgeDir;
    }

    /** Files matching {@code pattern} (e.g. {@code replies/*.yml}) under bot/, sorted by name. */
    public List<Resource> bot(String pattern) {
        return find(botDir, "bot", pattern);
    }

    /** Whether bot/ is the operator's own folder rather than the copy packaged in the jar. */
    public boolean botIsOperators() {
        return Files.isDirectory(botDir);
    }

    /** The jar's own copies of {@code bot/} files, whatever folder the operator keeps. */
    public List<Resource> packagedBot(String pattern) {
        return resources("classpath*:bot/" + pattern);
    }

    /** Files matching {@code pattern} (e.g. {@code *.md}) under knowledge-base/, sorted by name. */
    public List<Resource> knowledge(String pattern) {
        return find(knowledgeDir, "knowledge-base", pattern);
    }

    private List<Resource> find(Path dir, String packaged, String pattern) {
        return resources(Files.isDirectory(dir)
                ? dir.toAbsolutePath().toUri() + pattern
                : "classpath*:" + packaged + "/" + pattern);
    }

    private List<Resource> resources(String location) {
        try {
            return Arrays.stream(resolver.getResources(location))
                    .filter(Resource::exists)
                    .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location, e);
        }
    }
}
