package kefu.knowledge;

import kefu.conversation.Lang;
import kefu.nlu.EntityExtractor;
import kefu.nlu.ProductQuestions;
import kefu.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers a help-center question: ranks the articles, and when the best one is convincing answers with its
 * lead and best-matching section (phrased by the language model when one is configured); otherwise names
 * the closest articles as suggestions. Never presents an article below the answer threshold as the answer.
 */
public final class AnswerEngine {

    private static final int MAX_SUGGESTIONS = 3;
    private static final Logger log = LoggerFactory.getLogger(AnswerEngine.class);

    private final KnowledgeBase knowledge;
    private final KnowledgeProperties settings;
    private final AnswerComposer composer;
    private final EntityExtractor entities;
    private final ProductQuestions products;
    private final QuestionCues cues;

    public AnswerEngine(KnowledgeBase knowledge, KnowledgeProperties settings, AnswerComposer composer,
                        EntityExtractor entities, ProductQuestions products, QuestionCues cues) {
        this.cues = cues;
        this.products = products;
        this.knowledge = knowledge;
        this.settings = settings;
        this.composer = composer;
        this.entities = entities;
    }

    public Answer answer(String question, Lang lang) {
        return answer(question, lang, true);
    }

    /**
     * {@code mayPhrase} false (a group chat, read by everyone in it) answers with the article text as written:
     * no model output reaches a public chat.
     */
    public Answer answer(String question, Lang lang, boolean mayPhrase) {
        List<KnowledgeIndex.Hit> ranked = knowledge.search(question);
        Coverage coverage = knowledge.index().coverage();
        // "你们卖王者荣耀点券吗": a product of a kind the shop does not sell, or one the articles never name.
        Optional<String> gap = coverage.uncovered(question, cues).or(() -> products.asked(question)
                .filter(p -> !p.sold() || !p.names().stream().allMatch(coverage::describes))
                .map(ProductQuestions.Asked::thing));
        if (gap.isPresent()) {
            return new Answer(Answer.Kind.NOT_DESCRIBED, null, gap.get(), false, List.of(), ranked);
        }
        KnowledgeIndex.Hit best = focused(question, ranked);
        if (best.score() >= settings.answerThreshold()) {
            Article a = best.article();
            // A buyer who says where they stand ("已经20分钟了") gets the part for that situation first.
            Optional<Integer> situational = Situation.of(question, cues).section(a, cues);
            String extract = situational.map(i -> section(a, i)).orElseGet(() -> extract(a, best.section()));
            // The phrase list is only a first, cheap layer: what the model says is checked against the passages.
            Optional<String> composed = !mayPhrase || looksLikeInjection(question) ? Optional.empty()
                    : grounded(composer.compose(masked(question), passages(ranked), lang), ranked, question);
            String text = composed.orElseGet(() -> lang == Lang.EN ? english(a, extract) : extract);
            return new Answer(Answer.Kind.ANSWER, a, text, composed.isPresent(), List.of(), ranked);
        }
        List<Article> close = new ArrayList<>();
        for (KnowledgeIndex.Hit h : ranked) {
            if (h.score() >= settings.suggestThreshold() && close.size() < MAX_SUGGESTIONS) {
                close.add(h.article());
            }
        }
        return new Answer(close.isEmpty() ? Answer.Kind.NONE : Answer.Kind.SUGGEST, null, "", false, close, ranked);
    }

    /**
     * "X在哪": among the ranked articles, the first that names X is the answer, even when another ranks higher on
     * general similarity; its section naming X is the one shown.
     */
    private KnowledgeIndex.Hit focused(String question, List<KnowledgeIndex.Hit> ranked) {
        KnowledgeIndex.Hit top = ranked.get(0);
        Optional<String> thing = knowledge.index().coverage().focus(question, cues);
        if (thing.isEmpty() || Coverage.mentions(top.article(), thing.get())) {
            return top;
        }
        // A short name ("充值") is everywhere; a longer one ("充值中心") picks the article that describes it.
        int look = thing.get().length() >= 3 ? ranked.size() : Math.min(5, ranked.size());
        for (KnowledgeIndex.Hit h : ranked.subList(0, look)) {
            if ((look > 5 || h.score() >= settings.suggestThreshold()) && Coverage.mentions(h.article(), thing.get())) {
                Article a = h.article();
                int section = -1;
                for (int i = 0; i < a.sections().size(); i++) {
                    Article.Section s = a.sections().get(i);
                    if ((s.heading() + s.text()).toLowerCase(java.util.Locale.ROOT).contains(thing.get())) {
                        section = i;
                        break;
                    }
                }
                return new KnowledgeIndex.Hit(a, Math.max(h.score(), settings.answerThreshold()), h.example(),
                        h.passage(), h.lexical(), section);
            }
        }
        return top;
    }

    /** An article opened from a button: its lead and first section. */
    public String overview(Article a, Lang lang) {
        String text = extract(a, a.sections().isEmpty() ? -1 : 0);
        return lang == Lang.EN ? english(a, text) : text;
    }

    /** Instructions aimed at the bot rather than a shop question; such questions never reach the model. */
    private boolean looksLikeInjection(String question) {
        return cues.injection(question);
    }

    /** The lead paragraph, then the section that matched best (when it is not the lead itself). */
    static String extract(Article a, int section) {
        StringBuilder out = new StringBuilder(chat(a.intro()));
        if (section >= 0 && section < a.sections().size()) {
            Article.Section s = a.sections().get(section);
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append("【").append(s.heading()).append("】\n").append(chat(s.text()));
        }
        return out.toString().strip();
    }

    /** One section on its own, heading first: the answer to a stated situation. */
    static String section(Article a, int section) {
        Article.Section s = a.sections().get(section);
        return ("【" + s.heading() + "】\n" + chat(s.text())).strip();
    }

    private static String english(Article a, String chinese) {
        return a.summaryEn().isBlank() ? chinese : a.summaryEn();
    }

    private static final Pattern BULLET = Pattern.compile("(?m)^[-*] ");

    /** Markdown to chat text: no bold markers, bullets as dots. */
    static String chat(String markdown) {
        return BULLET.matcher(markdown.replace("**", "")).replaceAll("• ").strip();
    }

    private List<AnswerComposer.Passage> passages(List<KnowledgeIndex.Hit> ranked) {
        List<AnswerComposer.Passage> out = new ArrayList<>();
        for (KnowledgeIndex.Hit h : ranked.subList(0, Math.min(2, ranked.size()))) {
            if (out.isEmpty() || h.score() >= settings.answerThreshold()) {
                out.add(new AnswerComposer.Passage(h.article().title(), extract(h.article(), h.section())));
            }
        }
        return out;
    }

    /** A phrased answer that names a link, handle, number or amount the passages do not is not used. */
    private Optional<String> grounded(Optional<String> composed, List<KnowledgeIndex.Hit> ranked, String question) {
        if (composed.isEmpty()) {
            return composed;
        }
        String material = passages(ranked).stream().map(p -> p.title() + "\n" + p.text())
                .reduce("", (x, y) -> x + "\n" + y);
        List<String> unsupported = GroundedAnswer.unsupported(composed.get(), material, question);
        if (!unsupported.isEmpty()) {
            log.warn("a phrased answer named {} thing(s) not in the articles; answered with the article text",
                    unsupported.size());
            return Optional.empty();
        }
        return composed;
    }

    /**
     * The model never sees order numbers, phone, ID-card or bank-card numbers or emails: every one of them is
     * replaced by a placeholder, whatever its separators.
     */
    private String masked(String question) {
        String out = question;
        for (var e : entities.extract(question).entrySet()) {
            out = out.replaceAll("(?i)" + Pattern.quote(e.getValue()), "[" + e.getKey() + "]");
        }
        return PersonalData.redact(out);
    }
}
