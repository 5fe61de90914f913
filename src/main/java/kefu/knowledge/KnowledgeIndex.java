package kefu.knowledge;

import kefu.nlu.CharGrams;
import kefu.nlu.GramSet;
import kefu.nlu.GramVocabulary;
import kefu.nlu.HybridIntentClassifier;
import kefu.nlu.TextEmbedder;
import kefu.nlu.TextFolding;
import kefu.nlu.TextQuery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The help center prepared for search, immutable. An article is scored by three signals: how close the
 * question is to its example questions and titles (embedding plus shared characters), how close it is to
 * its best passage (embedding), and BM25 over character grams of its passages (exact terms such as
 * 兑换码, 30分钟). The best-matching passage of an article is what the bot answers with.
 */
public final class KnowledgeIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    /** BM25 is unbounded; this squashes it to 0..1 (a score of LEX_HALF maps to 0.5). */
    private static final double LEX_HALF = 6.0;

    private final List<Article> articles;
    private final List<List<Probe>> examples;
    private final List<List<Passage>> passages;
    /** Ids of all grams of example questions and passages; BM25 and Dice work on ids. */
    private final GramVocabulary vocabulary;
    /** By gram id; 0 for grams in no passage. */
    private final double[] idf;
    private final double avgLength;
    private final Coverage coverage;

    private KnowledgeIndex(List<Article> articles, List<List<Probe>> examples, List<List<Passage>> passages,
                           GramVocabulary vocabulary) {
        this.articles = articles;
        this.coverage = Coverage.of(articles);
        this.examples = examples;
        this.passages = passages;
        this.vocabulary = vocabulary;
        int[] df = new int[vocabulary.size()];
        int n = 0;
        long total = 0;
        for (List<Passage> ps : passages) {
            for (Passage p : ps) {
                n++;
                total += p.length();
                for (int id : p.counts().ids()) {
                    df[id]++;
                }
            }
        }
        this.idf = new double[df.length];
        for (int id = 0; id < df.length; id++) {
            int f = df[id];
            if (f > 0) {
                idf[id] = Math.log(1 + (n - f + 0.5) / (f + 0.5));
            }
        }
        this.avgLength = n == 0 ? 1 : (double) total / n;
    }

    public static KnowledgeIndex build(List<Article> articles, TextFolding folding, TextEmbedder embedder) {
        List<String> exampleTexts = new ArrayList<>();
        List<String> passageTexts = new ArrayList<>();
        for (Article a : articles) {
            exampleTexts.addAll(exampleTexts(a, folding));
            passageTexts.addAll(passageTexts(a));
        }
        List<float[]> exampleVectors = embedder.known(exampleTexts);
        List<float[]> passageVectors = embedder.known(passageTexts);
        List<List<Probe>> examples = new ArrayList<>();
        List<List<Passage>> passages = new ArrayList<>();
        GramVocabulary.Builder vocabulary = new GramVocabulary.Builder();
        int e = 0;
        int p = 0;
        for (Article a : articles) {
            List<Probe> probes = new ArrayList<>();
            for (String t : exampleTexts(a, folding)) {
                probes.add(new Probe(vocabulary.addAll(CharGrams.pairsOf(t)), exampleVectors.get(e++)));
            }
            examples.add(List.copyOf(probes));
            List<Passage> ps = new ArrayList<>();
            List<String> texts = passageTexts(a);
            for (int i = 0; i < texts.size(); i++) {
                List<String> grams = CharGrams.of(folding.fold(texts.get(i)));
                int section = i - 1 < a.sections().size() ? i - 1 : -1;
                ps.add(new Passage(section, GramCounts.of(grams, vocabulary), grams.size(), passageVectors.get(p++)));
            }
            passages.add(List.copyOf(ps));
        }
        return new KnowledgeIndex(List.copyOf(articles), examples, passages, vocabulary.build());
    }

    public List<Article> articles() {
        return articles;
    }

    Coverage coverage() {
        return coverage;
    }

    /** All articles ranked for the question, best first. */
    public List<Hit> search(TextQuery q) {
        List<Hit> hits = new ArrayList<>(articles.size());
        boolean latin = q.folded().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        GramSet pairs = vocabulary.lookup(q.pairs());
        // In the set's order: BM25 adds its terms in that order, so the sum is the same to the last bit.
        int[] terms = vocabulary.ids(q.grams());
        for (int a = 0; a < articles.size(); a++) {
            double example = 0;
            for (Probe probe : examples.get(a)) {
                example = Math.max(example,
                        HybridIntentClassifier.similarity(q.vector(), pairs, probe.grams(), probe.vector()));
            }
            double passage = 0;
            double lexical = 0;
            int section = -1;
            double sectionScore = -1;
            for (Passage p : passages.get(a)) {
                double cos = TextEmbedder.cosine(q.vector(), p.vector());
                double lex = squash(bm25(terms, p));
                passage = Math.max(passage, cos);
                lexical = Math.max(lexical, lex);
                double s = cos + 0.5 * lex;
                if (s > sectionScore) {
                    sectionScore = s;
                    section = p.section();
                }
            }
            // Passages are Chinese: an English question leans on the English example questions and summary.
            double score = latin ? 0.8 * example + 0.2 * passage : 0.6 * example + 0.25 * passage + 0.15 * lexical;
            hits.add(new Hit(articles.get(a), score, example, passage, lexical, section));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits;
    }

    private double bm25(int[] terms, Passage p) {
        double s = 0;
        for (int id : terms) {
            int tf = p.counts().count(id);
            if (tf == 0) {
                continue;
            }
            double norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * p.length() / avgLength));
            s += idf[id] * norm;
        }
        return s;
    }

    private static double squash(double bm25) {
        return bm25 / (bm25 + LEX_HALF);
    }

    private static List<String> exampleTexts(Article a, TextFolding folding) {
        List<String> texts = new ArrayList<>();
        texts.add(folding.fold(a.title()));
        if (!a.titleEn().isBlank()) {
            texts.add(folding.fold(a.titleEn()));
        }
        a.questions().forEach(q -> texts.add(folding.fold(q)));
        a.questionsEn().forEach(q -> texts.add(folding.fold(q)));
        return texts;
    }

    /**
     * The intro first (section -1), then each section, each with the article title for context; last the
     * English summary, which stands for the intro.
     */
    private static List<String> passageTexts(Article a) {
        List<String> texts = new ArrayList<>();
        texts.add(a.title() + "\n" + plain(a.intro()));
        for (Article.Section s : a.sections()) {
            texts.add(a.title() + " " + s.heading() + "\n" + plain(s.text()));
        }
        if (!a.summaryEn().isBlank()) {
            texts.add(a.titleEn() + "\n" + a.summaryEn());
        }
        return texts;
    }

    static String plain(String markdown) {
        return markdown.replace("**", "").replaceAll("(?m)^[-*] ", "").replaceAll("(?m)^\\d+\\. ", "");
    }

    /**
     * One ranked article.
     *
     * @param example similarity to the closest example question or title
     * @param passage embedding similarity to the closest passage
     * @param lexical character-gram BM25 of the best passage, 0..1
     * @param section index of the best-matching section, -1 for the intro
     */
    public record Hit(Article article, double score, double example, double passage, double lexical, int section) {
    }

    private record Probe(GramSet grams, float[] vector) {
    }

    private record Passage(int section, GramCounts counts, int length, float[] vector) {
    }
}
