package kefu.knowledge;

import kefu.app.BotFiles;
import kefu.app.CliCommand;
import kefu.conversation.Classification;
import kefu.conversation.Lang;
import kefu.nlu.HybridIntentClassifier;
import kefu.nlu.TextEmbedder;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code kb test "问题"}: the ranked articles with their scores and the answer the bot would give;
 * {@code kb list}: the articles; {@code kb bench}: retrieval latency over the articles' own questions;
 * {@code kb compact}: drops cached vectors of text that no longer exists; {@code kb lint [--strict] [FOLDER]}: numbers
 * that are neither shop-profile values nor known facts, broken {@code {{policy.*}}} references, duplicate questions.
 */
public final class KbCommand implements CliCommand {

    private final KnowledgeBase knowledge;
    private final AnswerEngine engine;
    private final HybridIntentClassifier classifier;
    private final TextEmbedder embedder;
    private final KbLint lint;
    private final BotFiles files;

    public KbCommand(KnowledgeBase knowledge, AnswerEngine engine, HybridIntentClassifier classifier,
                     TextEmbedder embedder, KbLint lint, BotFiles files) {
        this.knowledge = knowledge;
        this.engine = engine;
        this.classifier = classifier;
        this.embedder = embedder;
        this.lint = lint;
        this.files = files;
    }

    @Override
    public String name() {
        return "kb";
    }

    @Override
    public String summary() {
        return "help center: test \"question\" (ranked articles and the answer), batch, list, lint, bench, reload, compact";
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
            case "lint" -> {
                return lint(args.subList(1, args.size()), out);
            }
            case "bench" -> bench(out);
            case "batch" -> batch(out);
            case "compact" -> out.println("embedding cache: " + embedder.cache().compact() + " unused vectors dropped, "
                    + embedder.cache().size() + " kept");
            case "reload" -> out.println((knowledge.reload() ? "reloaded: " : "unchanged: ")
                    + knowledge.articles().size() + " articles");
            default -> {
                System.err.println("usage: kb test \"question\" | kb batch < questions.txt | kb list | kb lint [--strict] [FOLDER]"
                        + " | kb bench | kb reload | kb compact");
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

    /**
     * Exit status 0: no errors (warnings allowed, unless {@code --strict}); 1: errors; 2: bad arguments or an
     * unreadable folder. Findings go to standard output as {@code file:line: severity: message}.
     */
    private int lint(List<String> args, PrintStream out) throws IOException {
        boolean strict = args.contains("--strict");
        List<String> folders = args.stream().filter(a -> !a.equals("--strict")).toList();
        if (folders.size() > 1 || folders.stream().anyMatch(a -> a.startsWith("-"))) {
            System.err.println("usage: kb lint [--strict] [FOLDER]   (default: the help center in use)");
            return 2;
        }
        List<KbLint.Source> sources;
        if (folders.isEmpty()) {
            sources = new ArrayList<>();
            for (Resource r : files.knowledge("*.md")) {
                sources.add(new KbLint.Source(files.knowledgeDir().resolve(String.valueOf(r.getFilename())).toString(),
                        KnowledgeBase.read(r)));
            }
        } else {
            Path dir = Path.of(folders.get(0));
            if (!Files.isDirectory(dir)) {
                System.err.println("kb lint: no folder " + dir);
                return 2;
            }
            try (Stream<Path> list = Files.list(dir)) {
                sources = new ArrayList<>();
                for (Path p : list.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    sources.add(new KbLint.Source(p.toString(), Files.readString(p)));
                }
            }
        }
        KbLint.Report report = lint.lint(sources, facts());
        report.findings().forEach(out::println);
        boolean failed = report.errors() > 0 || strict && report.warnings() > 0;
        out.printf("kb lint: %d articles, %d errors, %d warnings%s%n", report.articles(), report.errors(),
                report.warnings(), failed ? "" : " - ok");
        return failed ? 1 : 0;
    }

    /** {@code bot/help-center-facts.yml}: numbers every shop's articles may state as written. */
    private List<String> facts() {
        List<String> facts = new ArrayList<>();
        for (Resource r : files.bot("help-center-facts.yml")) {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(KnowledgeBase.read(r));
            if (yaml instanceof Map<?, ?> m && m.get("facts") instanceof List<?> items) {
                items.forEach(i -> facts.add(String.valueOf(i)));
            }
        }
        return facts;
    }

    private void bench(PrintStream out) {
        List<String> questions = new ArrayList<>();
        for (Article a : knowledge.articles()) {
            // Altered so the per-question vector memo does not hide the embedding time; a benchmark's input in the
            // articles' language, not wording the bot uses, so it stays here.
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
