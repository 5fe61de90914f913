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

    private static final Set<Intent> ORDER_ACTIONS =
            Set.of(Intent.URGE_ORDER, Intent.AFTER_SALES, Intent.CANCEL_ORDER, Intent.HUMAN_HANDOFF);

    private static final Pattern ASKS = Pattern.compile("(?i)怎么(?!还)|怎样|如何|什么|啥|哪里|哪儿|哪些|哪个|哪几|在哪|多久|多长|几天|几分钟|为何|为什么(?!还)|"
            + "能不能|能否|可不可以|可以.{0,12}吗|是否|有没有|吗[？?。!！]*$|呢[？?]*$|[？?]|\\b(how|what|when|where|why|which|can i|do you|is there|are there)\\b");
    private static final Pattern DEMANDS = Pattern.compile("(?i)我要|我想要|帮我|给我|麻烦|请帮|赶紧|快点|马上|立刻|立即|"
            + "\\b(i want|please)\\b");
    /**
     * Words that name one order action; a demand ("我要退款") naming exactly one is that action. "怎么还没到"
     * is a complaint, not a question, so ASKS leaves it out.
     */
    private static final Map<Intent, Pattern> ACTION_WORDS = Map.of(
            Intent.AFTER_SALES, Pattern.compile("(?i)售后|退款|退钱|补发|换货|refund"),
            Intent.URGE_ORDER, Pattern.compile("(?i)催|加急|还没到|还没收到|还没发|太慢|好慢|快点|快一点|尽快|hurry|urge"),
            Intent.CANCEL_ORDER, Pattern.compile("(?i)取消|撤单|撤销|cancel"),
            Intent.HUMAN_HANDOFF, Pattern.compile("(?i)人工|真人|活人|投诉|human|agent"));
    /** A buyer with a ticket asking how it is going wants the ticket, not the article on how to check. */
    private static final Pattern PROGRESS = Pattern.compile("(?i)进度|处理到哪|处理得怎么样|工单|progress|ticket");
    /** Asking to link the shop account to this chat is the bind step in words ("绑定账号"), not an account-security question. */
    private static final Pattern BIND_REQUEST = Pattern.compile("(?i)(我要|我想|想|请|帮我|怎么|如何|在哪)?(绑定|关联|綁定)(一下)?"
            + "(我的)?(店铺|商城|网店)?(账号|帐号|账户|客服)(一下)?[吗呢？?。.!！]*|"
            + "(how (do i|to|can i) )?(bind|link) (my )?(shop )?account( to (this|the) chat)?[?.!]*");
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
    private final TextFolding folding;
    private final TextEmbedder embedder;
    private final FaqMatcher faq;
    private final EntityExtractor entities;
    private final NluProperties settings;

    public HybridIntentClassifier(Map<Intent, List<String>> phrases, TextFolding folding, TextEmbedder embedder,
                                  FaqMatcher faq, EntityExtractor entities, NluProperties settings) {
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
        for (int i = 0; i < texts.size(); i++) {
            all.add(new Example(intents.get(i), CharGrams.pairsOf(texts.get(i)), vectors.get(i)));
        }
        this.examples = List.copyOf(all);
    }

    @Override
    public Classification classify(TurnContext ctx) {
        String text = ctx.turn().trimmedText();
        if (ctx.state().fact(ShopFacts.TICKETS) != null && PROGRESS.matcher(text).find()
                && commands.match(text).isEmpty()) {
            return new Classification(Intent.AFTER_SALES, 0.9, entities.extract(text));
        }
        return classify(text);
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
        if (BIND_REQUEST.matcher(text).matches()) {
            return new Classification(Intent.ORDER_STATUS, 0.95, Map.of("command", "bind", "argument", ""));
        }
        Map<String, String> found = entities.extract(text);
        String order = found.get(EntityExtractor.ORDER);
        if (order != null) {
            return new Classification(aboutOrder(text, order), 0.95, found);
        }
        Optional<Intent> demanded = DEMANDS.matcher(text).find() && !ASKS.matcher(text).find()
                ? namedAction(text) : Optional.empty();
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
        if (bestScore < settings.minConfidence()) {
            return new Classification(Intent.FALLBACK, 1 - bestScore, found);
        }
        return new Classification(best, round(bestScore), found);
    }

    /** The best similarity per intent, faq included; what the buyer's text is closest to. */
    public Map<Intent, Double> scores(TextQuery q) {
        Map<Intent, Double> best = new EnumMap<>(Intent.class);
        for (Example ex : examples) {
            double s = similarity(q, ex.grams(), ex.vector());
            best.merge(ex.intent(), s, Math::max);
        }
        best.merge(Intent.FAQ, faq.match(q), Math::max);
        return best;
    }

    /**
     * A question ("怎么…", "…吗", "how…") leans to the help center; a demand ("我要…", "帮我…") leans to
     * doing something. Only a nudge: it decides between close candidates.
     */
    private static void leanByForm(String text, Map<Intent, Double> scores) {
        boolean asks = ASKS.matcher(text).find();
        boolean demands = DEMANDS.matcher(text).find();
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
    public static double similarity(TextQuery q, Set<String> pairs, float[] vector) {
        double cos = TextEmbedder.cosine(q.vector(), vector);
        return 0.75 * cos + 0.25 * CharGrams.dice(q.pairs(), pairs);
    }

    private Intent aboutOrder(String text, String order) {
        String rest = text.replaceAll("(?i)" + Pattern.quote(order), " ").strip();
        if (rest.replaceAll("[\\p{P}\\p{S}\\s]", "").length() < 2) {
            return Intent.ORDER_STATUS;
        }
        // With the order named, naming an action is about this order, asked or demanded ("能取消吗"); each
        // action's flow checks the rules and confirms before anything happens.
        Optional<Intent> named = namedAction(rest);
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

    private static Optional<Intent> namedAction(String text) {
        List<Intent> named = ACTION_WORDS.entrySet().stream().filter(e -> e.getValue().matcher(text).find())
                .map(Map.Entry::getKey).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static double round(double v) {
        return Math.round(Math.min(1, v) * 1000) / 1000.0;
    }

    private record Example(Intent intent, Set<String> grams, float[] vector) {
    }
}
