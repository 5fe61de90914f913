package kefu.knowledge;

import kefu.app.CliCommand;
import kefu.conversation.Classification;
import kefu.conversation.Lang;
import kefu.nlu.HybridIntentClassifier;
import kefu.nlu.TextEmbedder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code kb test "问题"}: the ranked articles with their scores and the answer the bot would give;
 * {@code kb list}: the articles; {@code kb bench}: retrieval latency over the articles' own questions;
 * {@code kb compact}: drops cached vectors of text that no longer exists.
 */
public final class KbCommand implements CliCommand {

    private final KnowledgeBase knowledge;
    private final AnswerEngine engine;
    private final HybridIntentClassifier classifier;
    private final TextEmbedder embedder;

    public KbCommand(KnowledgeBase knowledge, AnswerEngine engine, HybridIntentClassifier classifier,
                     TextEmbedder embedder) {
        this.knowledge = knowledge;
        this.engine = engine;
        this.classifier = classifier;
        this.embedder = embedder;
    }

    @Override
    public String name() {
        return "kb";
    }

    @Override
    public String summary() {
        return "help center: test \"question\" (ranked articles and the answer), batch, list, bench, reload, compact";
    }

    @Override
    public int run(List<String> args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String verb = args.isEmpty() ? "" : args.get(0);
        switch (verb) {
            case "test" -> {
                if (args.size() < 2) {
                    System.err.println("usage: kb test \"question\"");
                    return 2;
                }
                test(String.join(" ", args.subList(1, args.size())), out);
            }
            case "list" -> knowledge.articles().forEach(a ->
                    out.printf("%-34s %-8s %s%n", a.id(), a.category(), a.title()));
            case "bench" -> bench(out);
            case "batch" -> batch(out);
            case "compact" -> out.println("embedding cache: " + embedder.cache().compact() + " unused vectors dropped, "
                    + embedder.cache().size() + " kept");
            case "reload" -> out.println((knowledge.reload() ? "reloaded: " : "unchanged: ")
                    + knowledge.articles().size() + " articles");
            default -> {
                System.err.println("usage: kb test \"question\" | kb batch < questions.txt | kb list | kb bench | kb reload | kb compact");
                return 2;
            }
        }
        return 0;
    }

    private void test(String question, PrintStream out) {
        Lang lang = Lang.detect(question, Lang.ZH);
        Classification c = classifier.classify(question);
        out.printf("intent: %s (%.3f) %s%n", c.intent().wireName(), c.confidence(),
                c.entities().isEmpty() ? "" : c.entities());
        StringBuilder perIntent = new StringBuilder("intent similarity:");
        classifier.scores(knowledge.query(question)).forEach((i, v) ->
                perIntent.append(String.format(" %s=%.3f", i.wireName(), v)));
        out.println(perIntent);
        Answer answer = engine.answer(question, lang);
        out.println("rank  score  example passage lexical  article");
        var ranked = answer.ranked();
        for (int i = 0; i < Math.min(5, ranked.size()); i++) {
            var h = ranked.get(i);
            out.printf("%4d  %.3f  %.3f   %.3f   %.3f    %s 《%s》 section %s%n", i + 1, h.score(), h.example(),
                    h.passage(), h.lexical(), h.article().id(), h.article().title(),
                    h.section() < 0 ? "intro" : h.article().sections().get(h.section()).heading());
        }
        out.println("answer: " + answer.kind() + (answer.composed() ? " (language model)" : ""));
        switch (answer.kind()) {
            case ANSWER -> out.println(answer.text() + "\n[source: " + answer.article().id() + "]");
            case SUGGEST -> answer.suggestions().forEach(a -> out.println("  suggest: " + a.id() + " 《" + a.title() + "》"));
            case NONE -> out.println("  (nothing related)");
            case NOT_DESCRIBED -> out.println("  (not described: " + answer.text() + ")");
        }
    }

    /** One question per line on standard input; one line out each: intent, best two articles, answer kind. */
    private void batch(PrintStream out) {
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        in.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(q -> {
            Classification c = classifier.classify(q);
            Answer a = engine.answer(q, Lang.detect(q, Lang.ZH));
            var r = a.ranked();
            out.printf("%-14s %.3f | %-30s %.3f | %-30s %.3f | %-7s | %s%n", c.intent().wireName(), c.confidence(),
                    r.get(0).article().id(), r.get(0).score(), r.get(1).article().id(), r.get(1).score(), a.kind(), q);
        });
    }

    private void bench(PrintStream out) {
        List<String> questions = new ArrayList<>();
        for (Article a : knowledge.articles()) {
            // Altered so the per-question vector memo does not hide the embedding time.
            a.questions().forEach(q -> questions.add("请问" + q));
        }
        for (String q : questions.subList(0, Math.min(20, questions.size()))) {
            knowledge.search(q + "?");
        }
        long[] total = new long[questions.size()];
        long[] scoring = new long[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            long t = System.nanoTime();
            var query = knowledge.query(questions.get(i));
            long embedded = System.nanoTime();
            knowledge.index().search(query);
            long done = System.nanoTime();
            total[i] = done - t;
            scoring[i] = done - embedded;
        }
        out.printf("retrieval over %d questions: p50 %.1f ms, p90 %.1f ms (of which ranking: p50 %.2f ms)%n",
                total.length, percentile(total, 0.5), percentile(total, 0.9), percentile(scoring, 0.5));
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
