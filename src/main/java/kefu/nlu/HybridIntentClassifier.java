package kefu.nlu;

import kefu.conversation.Classification;
import kefu.conversation.Intent;
import kefu.conversation.IntentClassifier;
import kefu.conversation.TurnContext;
import kefu.conversation.orders.ShopFacts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the intent of a typed message, in this order: slash commands; a message naming an order
 * number is an order lookup unless it clearly urges, asks for after-sales, cancels or wants a person;
 * otherwise the nearest example phrase (operator's {@code bot/intents.yml} plus the help center's
 * questions for {@code faq}), by embedding and character overlap. Too far from every example, or nearest
 * to an out-of-scope example listed under {@code fallback}, is a fallback.
 */
public final class HybridIntentClassifier implements IntentClassifier {

    private static final Intent[] INTENTS = Intent.values();
    private static final Set<Intent> ORDER_ACTIONS =
            Set.of(Intent.URGE_ORDER, Intent.AFTER_SALES, Intent.CANCEL_ORDER, Intent.HUMAN_HANDOFF);

    /** Entity: the product category a bound buyer's question names ({@code mobile_topup}...). */
    public static final String CATEGORY = "category";
    /** Entity: the kind of small talk ({@code thanks}, {@code ack}, {@code identity}, {@code never_mind}...). */
    public static final String SMALL_TALK = "small_talk";
    /** Entities of a message with two requests: the first part (classified) and the second (answered after it). */
    public static final String FIRST_PART = "first_part";
    public static final String ALSO = "also";
    /** Where a message's clauses part: "K…077 催一下，K…078 取消". */
    private static final Pattern CLAUSES = Pattern.compile("[，,;；。!！?？\\n]+");
    private static final Pattern MARKS = Pattern.compile("[\\p{P}\\p{S}\\s]");
    private static final Set<Intent> ORDER_LIKE =
            Set.of(Intent.ORDER_STATUS, Intent.URGE_ORDER, Intent.AFTER_SALES, Intent.CANCEL_ORDER);
    /** Entity: what a follow-up about the order in focus says ({@code when}, {@code paid}, {@code not-received}). */
    public static final String FOLLOW_UP = "follow_up";
    /** Entity: the article a short complaint right after its answer is about ("领不了" after how to claim). */
    public static final String ABOUT_ARTICLE = "about_article";
    /** Entities for form steps: the text asks a question; the after-sales reason it names; it confirms. */
    public static final String QUESTION = "question";
    public static final String AS_REASON = "as_reason";
    public static final String CONFIRM = "confirm";
    /** Entity: {@code angry} or {@code urgent}. */
    public static final String MOOD = "mood";
    /** Entity: the text asks how an after-sales ticket is going. */
    public static final String PROGRESS = "progress";

    /**
     * With an order number and no action named, the order is looked up unless an action's examples are clearly
     * closer; cancelling is never guessed, only done when the buyer says so.
     */
    private static final double ACTION_MARGIN = 0.05;
    private static final double ASK_NUDGE = 0.04;
    /** Larger: the help center also has questions about every action ("激活码无效能售后吗"). */
    private static final double DEMAND_NUDGE = 0.08;

    private final SlashCommands commands = new SlashCommands();
    private final List<Example> examples;
    /** Ids of the examples' grams: a question is compared with each example without hashing. */
    private final GramVocabulary vocabulary;
    private final TextFolding folding;
    private final TextEmbedder embedder;
    private final FaqMatcher faq;
    private final EntityExtractor entities;
    private final DialogueCues cues;
    private final NluProperties settings;
    private final ProductQuestions products;
    private final IntentCues intentCues;

    public HybridIntentClassifier(Map<Intent, List<String>> phrases, TextFolding folding, TextEmbedder embedder,
                                  FaqMatcher faq, EntityExtractor entities, DialogueCues cues, IntentCues intentCues,
                                  NluProperties settings, ProductQuestions products) {
        this.intentCues = intentCues;
        this.products = products;
        this.cues = cues;
        this.folding = folding;
        this.embedder = embedder;
        this.faq = faq;
        this.entities = entities;
        this.settings = settings;
        List<Intent> intents = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        phrases.forEach((intent, list) -> list.forEach(p -> {
            intents.add(intent);
            texts.add(folding.fold(p.strip()));
        }));
        List<float[]> vectors = embedder.known(texts);
        List<Example> all = new ArrayList<>();
        GramVocabulary.Builder vocabulary = new GramVocabulary.Builder();
        for (int i = 0; i < texts.size(); i++) {
            all.add(new Example(intents.get(i), vocabulary.addAll(CharGrams.pairsOf(texts.get(i))), vectors.get(i)));
        }
        this.examples = List.copyOf(all);
        this.vocabulary = vocabulary.build();
    }

    @Override
    public Classification classify(TurnContext ctx) {
        String text = ctx.turn().trimmedText();
        Optional<List<String>> parts = commands.match(text).isEmpty() ? cues.split(text) : Optional.empty();
        Optional<List<String>> perOrder = parts.isEmpty() && commands.match(text).isEmpty()
                ? byOrder(text) : Optional.empty();
        if (parts.isPresent() || perOrder.isPresent()) {
            // Two requests in one message: the first decides this classification, the second is answered after it.
            List<String> both = parts.orElseGet(perOrder::get);
            Classification first = classify(both.get(0));
            Classification second = classify(both.get(1));
            // Two order requests split only when each names its own order and asks something different of it.
            boolean twoOrderActions = perOrder.isPresent() && first.intent() != second.intent()
                    && ORDER_LIKE.contains(first.intent()) && ORDER_LIKE.contains(second.intent());
            if ((twoOrderActions || !(ORDER_LIKE.contains(first.intent()) && ORDER_LIKE.contains(second.intent())))
                    && first.intent() != Intent.HUMAN_HANDOFF && second.intent() != Intent.HUMAN_HANDOFF) {
                Map<String, String> found = new LinkedHashMap<>(first.entities());
                found.put(FIRST_PART, both.get(0));
                found.put(ALSO, both.get(1));
                return new Classification(first.intent(), first.confidence(), found);
            }
        }
        // A buyer with a ticket asking how it is going wants the ticket, not the article on how to check.
        if (ctx.state().fact(ShopFacts.TICKETS) != null && intentCues.asksProgress(text)
                && commands.match(text).isEmpty()) {
            Map<String, String> found = new LinkedHashMap<>(entities.extract(text));
            found.put(PROGRESS, "true");
            return new Classification(Intent.AFTER_SALES, 0.9, found);
        }
        Classification c = withFormCues(text, classify(text));
        Optional<Classification> followUp = followUp(ctx, text, c).or(() -> aboutArticle(ctx, text, c));
        if (followUp.isPresent()) {
            return followUp.get();
        }
        // A screenshot with a caption about a problem ("卡密用不了 看截图") is evidence: it leads into after-sales.
        var file = ctx.turn().attachment();
        if (file != null && !text.isBlank() && file.mimeType() != null && file.mimeType().startsWith("image/")
                && (c.intent() == Intent.FAQ || c.intent() == Intent.FALLBACK || c.intent() == Intent.URGE_ORDER)) {
            return new Classification(Intent.AFTER_SALES, 0.9, c.entities());
        }
        // A bound buyer asking about "my top-up" means their own orders of that kind, not the article about it.
        if (ctx.state().fact(ShopFacts.ACCOUNT) != null && c.entity(EntityExtractor.ORDER) == null
                && (c.intent() == Intent.FAQ || c.intent() == Intent.ORDER_STATUS || c.intent() == Intent.FALLBACK)
                && cues.mine(text)) {
            Optional<String> category = cues.category(text);
            if (category.isPresent()) {
                Map<String, String> found = new LinkedHashMap<>(c.entities());
                found.put(CATEGORY, category.get());
                return new Classification(Intent.ORDER_STATUS, 0.9, found);
            }
        }
        return c;
    }

    /**
     * "K…077 催一下，K…078 取消": two clauses (split at punctuation), each naming one of two different orders;
     * empty when the message is not shaped so.
     */
    private Optional<List<String>> byOrder(String text) {
        if (entities.orderNumbers(text).size() != 2) {
            return Optional.empty();
        }
        List<StringBuilder> groups = new ArrayList<>();
        StringBuilder lead = new StringBuilder();
        for (String clause : CLAUSES.split(text)) {
            String part = clause.strip();
            if (part.isEmpty()) {
                continue;
            }
            int numbers = entities.orderNumbers(part).size();
            if (numbers > 1) {
                return Optional.empty();
            }
            if (numbers == 1) {
                groups.add(new StringBuilder(lead).append(lead.isEmpty() ? "" : "，").append(part));
                lead.setLength(0);
            } else if (groups.isEmpty()) {
                lead.append(lead.isEmpty() ? "" : "，").append(part);
            } else {
                groups.get(groups.size() - 1).append("，").append(part);
            }
        }
        return groups.size() == 2 ? Optional.of(List.of(groups.get(0).toString(), groups.get(1).toString()))
                : Optional.empty();
    }

    /** "这单不要了 帮我取消": a request for an order action after the "never mind" outweighs it. */
    private boolean asksForOrderAction(String rest) {
        if (rest.length() < 2) {
            return false;
        }
        Intent intent = classify(rest).intent();
        return intent == Intent.CANCEL_ORDER || intent == Intent.URGE_ORDER || intent == Intent.AFTER_SALES;
    }

    public Classification classify(String text) {
        if (text.isBlank()) {
            return Classification.of(Intent.FALLBACK, 1.0);
        }
        Optional<Classification> command = commands.match(text);
        if (command.isPresent()) {
            Map<String, String> found = new LinkedHashMap<>(entities.extract(text));
            found.putAll(command.get().entities());
            return new Classification(command.get().intent(), 1.0, found);
        }
        if (intentCues.unbindRequest(text)) {
            return new Classification(Intent.ORDER_STATUS, 0.95, Map.of("command", "unbind", "argument", ""));
        }
        if (intentCues.bindRequest(text)) {
            return new Classification(Intent.ORDER_STATUS, 0.95, Map.of("command", "bind", "argument", ""));
        }
        Map<String, String> found = new LinkedHashMap<>(entities.extract(text));
        cues.mood(text).ifPresent(m -> found.put(MOOD, m));
        if (intentCues.asksProgress(text)) {
            found.put(PROGRESS, "true");
        }
        // Explicit requests win over whatever else the message says.
        if (cues.asksForPerson(text)) {
            return new Classification(Intent.HUMAN_HANDOFF, 1.0, found);
        }
        if (cues.negates(text) && found.get(EntityExtractor.ORDER) == null && !asksForOrderAction(cues.afterNegation(text))) {
            found.put(SMALL_TALK, DialogueCues.NEVER_MIND);
            return new Classification(Intent.GREETING, 1.0, found);
        }
        Optional<String> chat = cues.smallTalk(text);
        if (chat.isPresent()) {
            found.put(SMALL_TALK, chat.get());
            return new Classification(Intent.GREETING, 1.0, found);
        }
        String order = found.get(EntityExtractor.ORDER);
        if (order != null) {
            return new Classification(aboutOrder(text, order), 0.95, found);
        }
        if (found.get(EntityExtractor.TICKET) != null) {
            return new Classification(Intent.AFTER_SALES, 0.95, found);
        }
        Optional<String> foreign = entities.foreignNumber(text);
        if (foreign.isPresent() && !intentCues.asks(text.replace(foreign.get(), ""))) {
            found.put(EntityExtractor.FOREIGN, foreign.get());
            return new Classification(Intent.ORDER_STATUS, 0.9, found);
        }
        // An angry or urgent buyer saying the top-up has not arrived wants it chased now, not an article.
        if (found.get(MOOD) != null && intentCues.namedAction(text).filter(i -> i == Intent.URGE_ORDER).isPresent()) {
            return new Classification(Intent.URGE_ORDER, 0.9, found);
        }
        Optional<Intent> demanded = intentCues.demands(text) && !intentCues.asks(text)
                ? intentCues.namedAction(text) : Optional.empty();
        if (demanded.isPresent()) {
            return new Classification(demanded.get(), 0.9, found);
        }
        Map<Intent, Double> scores = scores(TextQuery.of(text, folding, embedder));
        leanByForm(text, scores);
        Intent best = Intent.FALLBACK;
        double bestScore = 0;
        for (var e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        // "你们卖王者荣耀点券吗" is a question for the help center, even when no article is close: it says what it
        // describes, or that it is not sure and a person can tell.
        if ((best == Intent.FALLBACK || bestScore < settings.minConfidence()) && products.asked(text).isPresent()) {
            return new Classification(Intent.FAQ, settings.minConfidence(), found);
        }
        if (bestScore < settings.minConfidence()) {
            return new Classification(Intent.FALLBACK, 1 - bestScore, found);
        }
        return new Classification(best, round(bestScore), found);
    }

    /**
     * What a form step needs besides the intent: whether the text asks something ({@code question}), the
     * after-sales reason it names ({@code as_reason}), whether it confirms ({@code confirm}).
     */
    private Classification withFormCues(String text, Classification c) {
        Map<String, String> found = new LinkedHashMap<>(c.entities());
        if (intentCues.asks(text)) {
            found.put(QUESTION, "true");
        }
        cues.afterSalesReason(text).ifPresent(r -> found.put(AS_REASON, r));
        if (cues.confirms(text)) {
            found.put(CONFIRM, "true");
        }
        return found.size() == c.entities().size() ? c : new Classification(c.intent(), c.confidence(), found);
    }

    /**
     * A short message about the order in focus, with no order number: "那我等多久" after an urge is about that
     * urge, "我已经付款了" after an unpaid card about that payment, "还是没到" about that order's delivery.
     */
    private Optional<Classification> followUp(TurnContext ctx, String text, Classification c) {
        var focus = ctx.state().dialogue().focusAt(ctx.now());
        if (focus.isEmpty() || c.entity(EntityExtractor.ORDER) != null || text.length() > 30
                || c.entity(SMALL_TALK) != null || c.intent() == Intent.HUMAN_HANDOFF || c.intent() == Intent.CANCEL_ORDER
                || c.entity("command") != null || c.entity(ALSO) != null) {
            return Optional.empty();
        }
        Optional<String> kind = cues.followUp(text);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String status = focus.get().status();
        boolean awaiting = "paid".equals(status) || "processing".equals(status);
        Intent intent = switch (kind.get()) {
            case "paid" -> "pending_payment".equals(status) ? Intent.ORDER_STATUS : null;
            case "not-received" -> focus.get().why() == kefu.conversation.DialogueContext.Why.AFTER_SALES_REFUSED
                    ? Intent.AFTER_SALES : awaiting ? Intent.URGE_ORDER
                    : "delivered".equals(status) || "completed".equals(status) ? Intent.AFTER_SALES : null;
            default -> awaiting || focus.get().until() != null ? Intent.ORDER_STATUS : null;
        };
        if (intent == null) {
            return Optional.empty();
        }
        Map<String, String> found = new LinkedHashMap<>(c.entities());
        found.put(FOLLOW_UP, kind.get());
        return Optional.of(new Classification(intent, 0.9, found));
    }

    /**
     * "领不了", "一直提示失败" right after a help-center answer, understood as nothing else — or "找到了，但是提示卡密错误",
     * which goes on from it whatever other article its words are near: the article's steps did not work. The help
     * center answers it against that article.
     */
    private Optional<Classification> aboutArticle(TurnContext ctx, String text, Classification c) {
        var article = ctx.state().dialogue().articleAt(ctx.now());
        boolean fromIt = c.intent() == Intent.FALLBACK || (c.intent() == Intent.FAQ && cues.goesOn(text));
        if (article.isEmpty() || !fromIt || text.length() > 40
                || c.entity(EntityExtractor.ORDER) != null || c.entity(SMALL_TALK) != null
                || c.entity("command") != null || c.entity(ALSO) != null || !cues.trouble(text)) {
            return Optional.empty();
        }
        Map<String, String> found = new LinkedHashMap<>(c.entities());
        found.put(ABOUT_ARTICLE, article.get().id());
        return Optional.of(new Classification(Intent.FAQ, 0.8, found));
    }

    /** The best similarity per intent, faq included; what the buyer's text is closest to. */
    public Map<Intent, Double> scores(TextQuery q) {
        GramSet pairs = vocabulary.lookup(q.pairs());
        // Best per intent kept unboxed while the examples are compared; intents without examples stay absent.
        double[] best = new double[INTENTS.length];
        boolean[] scored = new boolean[INTENTS.length];
        for (Example ex : examples) {
            double s = similarity(q.vector(), pairs, ex.grams(), ex.vector());
            int i = ex.intent().ordinal();
            best[i] = scored[i] ? Math.max(best[i], s) : s;
            scored[i] = true;
        }
        Map<Intent, Double> out = new EnumMap<>(Intent.class);
        for (Intent intent : INTENTS) {
            if (scored[intent.ordinal()]) {
                out.put(intent, best[intent.ordinal()]);
            }
        }
        out.merge(Intent.FAQ, faq.match(q), Math::max);
        return out;
    }

    /**
     * A question ("怎么…", "…吗", "how…") leans to the help center; a demand ("我要…", "帮我…") leans to
     * doing something. Only a nudge: it decides between close candidates.
     */
    private void leanByForm(String text, Map<Intent, Double> scores) {
        boolean asks = intentCues.asks(text);
        boolean demands = intentCues.demands(text);
        if (asks && !demands) {
            scores.computeIfPresent(Intent.FAQ, (i, s) -> s + ASK_NUDGE);
        } else if (demands && !asks) {
            for (Intent action : ORDER_ACTIONS) {
                scores.computeIfPresent(action, (i, s) -> s + DEMAND_NUDGE);
            }
            scores.computeIfPresent(Intent.ORDER_STATUS, (i, s) -> s + DEMAND_NUDGE);
        }
    }

    /** One scale for every comparison: mostly meaning (embedding), partly shared character pairs. */
    public static double similarity(float[] queryVector, GramSet queryPairs, GramSet pairs, float[] vector) {
        double cos = TextEmbedder.cosine(queryVector, vector);
        return 0.75 * cos + 0.25 * GramSet.dice(queryPairs, pairs);
    }

    private Intent aboutOrder(String text, String order) {
        String rest = text.replaceAll("(?i)" + Pattern.quote(order), " ").strip();
        if (MARKS.matcher(rest).replaceAll("").length() < 2) {
            return Intent.ORDER_STATUS;
        }
        // With the order named, naming an action is about this order, asked or demanded ("能取消吗"); each
        // action's flow checks the rules and confirms before anything happens.
        Optional<Intent> named = intentCues.namedAction(rest);
        if (named.isPresent()) {
            return named.get();
        }
        Map<Intent, Double> scores = scores(TextQuery.of(rest, folding, embedder));
        Intent best = Intent.ORDER_STATUS;
        double bestScore = scores.getOrDefault(Intent.ORDER_STATUS, 0.0);
        double statusScore = bestScore;
        for (Intent action : ORDER_ACTIONS) {
            double s = scores.getOrDefault(action, 0.0);
            if (action != Intent.CANCEL_ORDER && s >= settings.orderActionConfidence()
                    && s > statusScore + ACTION_MARGIN && s > bestScore) {
                best = action;
                bestScore = s;
            }
        }
        return best;
    }

    private static double round(double v) {
        return Math.round(Math.min(1, v) * 1000) / 1000.0;
    }

    private record Example(Intent intent, GramSet grams, float[] vector) {
    }
}
