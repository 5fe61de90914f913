package kefu.knowledge;

import kefu.app.BotFiles;
import kefu.nlu.FaqMatcher;
import kefu.nlu.TextEmbedder;
import kefu.nlu.TextFolding;
import kefu.nlu.TextQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The help center in use: loads {@code knowledge-base/*.md}, fills in the shop's values ({@link ArticleTemplate}),
 * indexes the result, and swaps in a new index when the files change ({@link #reload}); a search always sees
 * one complete index, and buyers, search and embeddings all see the rendered text.
 */
public final class KnowledgeBase implements FaqMatcher {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final BotFiles files;
    private final TextFolding folding;
    private final TextEmbedder embedder;
    private final ArticleTemplate template;
    private final ArticleParser parser = new ArticleParser();
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    public KnowledgeBase(BotFiles files, TextFolding folding, TextEmbedder embedder, ArticleTemplate template) {
        this.files = files;
        this.folding = folding;
        this.embedder = embedder;
        this.template = template;
        reload();
    }

    /** Reads the articles again; re-indexes only when their content changed. Returns true when it did. */
    public synchronized boolean reload() {
        List<Resource> found = files.knowledge("*.md");
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Resource r : found) {
            names.add(r.getFilename());
            texts.add(read(r));
        }
        String fingerprint = fingerprint(names, texts);
        Loaded before = current.get();
        if (before != null && before.fingerprint().equals(fingerprint)) {
            return false;
        }
        List<Article> articles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Article a = template.render(parser.parse(name, texts.get(i)),
                    problem -> log.warn("knowledge-base/{}: {} (kb lint lists every problem)", name, problem));
            if (!ids.add(a.id())) {
                throw new IllegalStateException("knowledge-base/" + name + ": id '" + a.id() + "' is used twice");
            }
            articles.add(a);
        }
        if (articles.isEmpty()) {
            throw new IllegalStateException("no articles found in " + files.knowledgeDir());
        }
        long started = System.nanoTime();
        KnowledgeIndex index = KnowledgeIndex.build(articles, folding, embedder);
        current.set(new Loaded(fingerprint, index));
        log.info("knowledge base: {} articles indexed in {} ms (embedding cache: {} entries)", articles.size(),
                (System.nanoTime() - started) / 1_000_000, embedder.cache().size());
        return true;
    }

    public KnowledgeIndex index() {
        return current.get().index();
    }

    public List<Article> articles() {
        return index().articles();
    }

    public Optional<Article> article(String id) {
        return articles().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public TextQuery query(String text) {
        return TextQuery.of(text, folding, embedder);
    }

    public List<KnowledgeIndex.Hit> search(String text) {
        return index().search(query(text));
    }

    @Override
    public double match(TextQuery query) {
        List<KnowledgeIndex.Hit> hits = index().search(query);
        return hits.isEmpty() ? 0 : Math.max(hits.get(0).example(), hits.get(0).score());
    }

    static String read(Resource r) {
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + r.getDescription(), e);
        }
    }

    private static String fingerprint(List<String> names, List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < names.size(); i++) {
                sha.update(names.get(i).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(texts.get(i).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Loaded(String fingerprint, KnowledgeIndex index) {
    }
}
