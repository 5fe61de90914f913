package kefu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Answer quality of the bot against two baselines on the same knowledge base and the labelled questions in
 * {@code bench/questions.jsonl}: top-1 article accuracy (the bot's first source against the label) and intent
 * accuracy. Run with {@code mvn -q -B -Pbench test -Dtest=AnswerQualityBench}; the knowledge base is
 * {@code knowledge-base/} or {@code -Dkefu.bench.knowledge-dir=...}. Writes target/bench/quality.{txt,json}.
 */
@Tag("bench")
@SpringBootTest(properties = "kefu.command-runner.enabled=false")
class AnswerQualityBench {

    private static final Path KB = Path.of(System.getProperty("kefu.bench.knowledge-dir", "knowledge-base"));
    private static final Path QUESTIONS = Path.of(System.getProperty("kefu.bench.questions", "bench/questions.jsonl"));
    private static final Path OUT = Path.of(System.getProperty("kefu.bench.out", "target/bench"));
    private static final String PREFIX = RealRedis.freshPrefix();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("kefu.redis.url", RealRedis::url);
        registry.add("kefu.redis.key-prefix", () -> PREFIX);
        registry.add("kefu.knowledge-dir", KB::toAbsolutePath);
    }

    @Autowired
    ConversationEngine engine;

    @Autowired
    ObjectMapper json;

    record Question(String q, String article, Set<String> intents) { }

    @Test
    void botBeatsBothBaselinesOnTopOneArticle() throws Exception {
        assumeTrue(Files.isDirectory(KB) && hasArticles(KB), "no knowledge base at " + KB.toAbsolutePath());
        KnowledgeArticles kb = KnowledgeArticles.read(KB);
        List<Question> questions = questions(QUESTIONS);
        List<Question> answerable = questions.stream().filter(q -> q.article() != null && kb.has(q.article())).toList();
        Set<String> missing = new TreeSet<>();
        questions.stream().filter(q -> q.article() != null && !kb.has(q.article())).forEach(q -> missing.add(q.article()));

        long t0 = System.nanoTime();
        Bm25Baseline bm25 = new Bm25Baseline(kb);
        long t1 = System.nanoTime();
        EmbeddingBaseline embedding = new EmbeddingBaseline(kb);
        long t2 = System.nanoTime();

        Map<String, Score> scores = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        scores.put("kefu-bot", score(questions, answerable, this::askBot, misses, "kefu-bot"));
        scores.put("BM25 (Lucene, smartcn)", score(questions, answerable,
                q -> new Answer(bm25.top(q).orElse(null), null), misses, "bm25"));
        scores.put("langchain4j bge-small-zh", score(questions, answerable,
                q -> new Answer(embedding.top(q).orElse(null), null), misses, "embedding"));
        bm25.close();

        double bestBaseline = Math.max(scores.get("BM25 (Lucene, smartcn)").top1(),
                scores.get("langchain4j bge-small-zh").top1());
        double lead = scores.get("kefu-bot").top1() - bestBaseline;
        String table = table(kb, questions, answerable, missing, scores, lead, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        System.out.println(table);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("quality.txt"), table + "\nMisses:\n" + String.join("\n", misses) + "\n");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("knowledgeBase", KB.toAbsolutePath().toString());
        results.put("articles", kb.articles().size());
        results.put("questions", questions.size());
        results.put("answerable", answerable.size());
        results.put("labelledArticlesMissing", missing);
        results.put("scores", scores);
        results.put("leadOverBetterBaselinePoints", lead * 100);
        json.writerWithDefaultPrettyPrinter().writeValue(OUT.resolve("quality.json").toFile(), results);

        assertThat(answerable).as("questions whose labelled article is in the knowledge base").isNotEmpty();
        assertThat(bestBaseline).as("a baseline that finds nothing means the articles were not read").isPositive();
    }

    record Answer(String article, String intent) { }

    /** top1 and intent are fractions; intent is NaN for a retriever, which does not classify. */
    record Score(double top1, int top1Hits, int top1Of, double intent, int intentHits, int intentOf, double meanMs) { }

    private Answer askBot(String question) {
        ConversationKey buyer = new ConversationKey("bench", "q-" + UUID.randomUUID());
        TurnResult r = engine.handle(Turn.text(buyer, null, question));
        String article = r.sources().isEmpty() ? null : r.sources().get(0).id();
        return new Answer(article, r.intent() == null ? null : r.intent().wireName());
    }

    private static Score score(List<Question> all, List<Question> answerable, Function<String, Answer> ask,
                               List<String> misses, String who) {
        int top1 = 0;
        int intents = 0;
        boolean classifies = false;
        long nanos = 0;
        for (Question q : all) {
            long t = System.nanoTime();
            Answer a = ask.apply(q.q());
            nanos += System.nanoTime() - t;
            if (a.intent() != null) {
                classifies = true;
                if (q.intents().contains(a.intent())) {
                    intents++;
                } else {
                    misses.add(String.format("%-9s intent  %-14s want %-28s %s", who, a.intent(), q.intents(), q.q()));
                }
            }
            if (answerable.contains(q)) {
                if (q.article().equals(a.article())) {
                    top1++;
                } else {
                    misses.add(String.format("%-9s article %-28s want %-28s %s", who, a.article(), q.article(), q.q()));
                }
            }
        }
        return new Score(top1 / (double) answerable.size(), top1, answerable.size(),
                classifies ? intents / (double) all.size() : Double.NaN, intents, classifies ? all.size() : 0,
                nanos / 1e6 / all.size());
    }

    private static String table(KnowledgeArticles kb, List<Question> questions, List<Question> answerable,
                                Set<String> missing, Map<String, Score> scores, double lead,
                                double bm25IndexMs, double embeddingIndexMs) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Answer quality: %d questions (%d with an article in the knowledge base), "
                + "%d articles in %s%n", questions.size(), answerable.size(), kb.articles().size(), KB.toAbsolutePath()));
        if (!missing.isEmpty()) {
            s.append("  labelled articles not in this knowledge base (those questions are not scored): ")
                    .append(missing).append('\n');
        }
        s.append(String.format("  %-26s %-18s %-18s %s%n", "", "top-1 article", "intent", "ms/question"));
        scores.forEach((name, sc) -> s.append(String.format(Locale.ROOT, "  %-26s %-18s %-18s %.2f%n", name,
                String.format(Locale.ROOT, "%5.1f%% (%d/%d)", sc.top1() * 100, sc.top1Hits(), sc.top1Of()),
                Double.isNaN(sc.intent()) ? "  n/a (retriever)" : String.format(Locale.ROOT, "%5.1f%% (%d/%d)",
                        sc.intent() * 100, sc.intentHits(), sc.intentOf()), sc.meanMs())));
        s.append(String.format(Locale.ROOT, "  bot lead over the better baseline on top-1: %+.1f points (target >= +10)%n",
                lead * 100));
        s.append(String.format(Locale.ROOT, "  index build: BM25 %.0f ms, embeddings %.0f ms%n", bm25IndexMs,
                embeddingIndexMs));
        return s.toString();
    }

    private List<Question> questions(Path file) throws IOException {
        List<Question> list = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            Set<String> intents = new TreeSet<>();
            JsonNode intent = n.get("intent");
            if (intent.isArray()) {
                intent.forEach(i -> intents.add(i.asText()));
            } else {
                intents.add(intent.asText());
            }
            JsonNode article = n.get("article");
            list.add(new Question(n.get("q").asText(), article == null || article.isNull() ? null : article.asText(),
                    intents));
        }
        return list;
    }

    private static boolean hasArticles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".md"));
        }
    }

}
