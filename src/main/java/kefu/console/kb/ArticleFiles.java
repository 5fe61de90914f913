package kefu.console.kb;

import kefu.console.audit.AuditLog;
import kefu.knowledge.Article;
import kefu.knowledge.ArticleParser;
import kefu.knowledge.KnowledgeBase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The help-center articles as files in {@code knowledge-base/}: read, written whole (checked by the same parser
 * the bot uses, then moved into place), and reloaded into the running bot. A write the bot cannot load is
 * undone. Every write is recorded in the audit log.
 */
public final class ArticleFiles {

    private final Path dir;
    private final KnowledgeBase knowledge;
    private final AuditLog audit;
    private final ArticleParser parser = new ArticleParser();

    public ArticleFiles(Path dir, KnowledgeBase knowledge, AuditLog audit) {
        this.dir = dir;
        this.knowledge = knowledge;
        this.audit = audit;
    }

    /** Edits need the folder on disk; a bot running from its packaged articles only can show but not change them. */
    public boolean writable() {
        return Files.isDirectory(dir) && Files.isWritable(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The article's file: {@code <id>.md}, or whichever file in the folder declares that id. */
    public Optional<Path> fileOf(String id) {
        Path named = dir.resolve(id + ".md");
        if (Files.isRegularFile(named)) {
            return Optional.of(named);
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md")).filter(p -> {
                try {
                    return parser.parse(p.getFileName().toString(), Files.readString(p)).id().equals(id);
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            }).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> source(String id) {
        return fileOf(id).map(p -> {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Checks a text the way the bot will read it; the exception's message says what is wrong. */
    public Article check(String markdown) {
        return parser.parse("article", markdown);
    }

    /** Replaces an existing article; the text must keep its id. */
    public Article save(String id, String markdown, String user) {
        Article a = check(markdown);
        if (!a.id().equals(id)) {
            throw new IllegalArgumentException("the id in the front matter must stay '" + id + "'");
        }
        Path file = fileOf(id).orElseThrow(() -> new IllegalArgumentException("no article '" + id + "'"));
        write(file, markdown);
        audit.record(user, "kb.edit", id, a.title());
        return a;
    }

    /** Creates a new article as {@code <id>.md}; the id must be new. */
    public Article create(String markdown, String user) {
        Article a = check(markdown);
        if (knowledge.article(a.id()).isPresent() || fileOf(a.id()).isPresent()) {
            throw new IllegalArgumentException("an article with id '" + a.id() + "' exists already");
        }
        write(dir.resolve(a.id() + ".md"), markdown);
        audit.record(user, "kb.create", a.id(), a.title());
        return a;
    }

    /** Adds {@code question} to the article's example questions, so the next buyer asking it gets that article. */
    public Article addQuestion(String id, String question, String user) {
        String before = source(id).orElseThrow(() -> new IllegalArgumentException("no article '" + id + "'"));
        Article a = check(FrontMatter.withQuestion(before, question));
        write(fileOf(id).orElseThrow(), FrontMatter.withQuestion(before, question));
        audit.record(user, "kb.add_question", id, question);
        return a;
    }

    private void write(Path file, String markdown) {
        if (!writable()) {
            throw new IllegalStateException("the knowledge-base folder " + dir.toAbsolutePath()
                    + " is not on disk or not writable; start the bot next to its knowledge-base/ folder");
        }
        String text = markdown.replace("\r\n", "\n");
        text = text.endsWith("\n") ? text : text + "\n";
        byte[] previous;
        try {
            previous = Files.exists(file) ? Files.readAllBytes(file) : null;
            replace(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        try {
            knowledge.reload();
        } catch (RuntimeException e) {
            // The folder as a whole no longer loads (a clash with another file): put the old text back.
            try {
                if (previous == null) {
                    Files.deleteIfExists(file);
                } else {
                    replace(file, previous);
                }
                knowledge.reload();
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".kefu-edit-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
