package kefu.nlu;

import kefu.conversation.Classification;
import kefu.conversation.Intent;
import kefu.conversation.TurnContext;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Baseline recogniser: slash commands, then the operator's example phrases from {@code bot/intents.yml}
 * compared by character bigrams. Below {@code threshold} the message is a fallback.
 */
public final class ExampleIntentClassifier implements IntentClassifier {

    private final SlashCommands commands = new SlashCommands();
    private final Map<Intent, List<Set<String>>> examples;
    private final double threshold;

    public ExampleIntentClassifier(Map<Intent, List<String>> examples, double threshold) {
        this.examples = new java.util.EnumMap<>(Intent.class);
        examples.forEach((intent, phrases) -> this.examples.put(intent,
                phrases.stream().map(ExampleIntentClassifier::bigrams).toList()));
        this.threshold = threshold;
    }

    @Override
    public Classification classify(TurnContext ctx) {
        String text = ctx.turn().trimmedText();
        var command = commands.match(text);
        if (command.isPresent()) {
            return command.get();
        }
        Set<String> grams = bigrams(text);
        Intent best = Intent.FALLBACK;
        double bestScore = 0;
        for (var entry : examples.entrySet()) {
            for (Set<String> example : entry.getValue()) {
                double score = dice(grams, example);
                if (score > bestScore) {
                    bestScore = score;
                    best = entry.getKey();
                }
            }
        }
        return bestScore >= threshold ? Classification.of(best, bestScore) : Classification.of(Intent.FALLBACK, 1 - bestScore);
    }

    static Set<String> bigrams(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]+", "");
        Set<String> grams = new HashSet<>();
        if (t.length() == 1) {
            grams.add(t);
        }
        for (int i = 0; i + 1 < t.length(); i++) {
            grams.add(t.substring(i, i + 2));
        }
        return grams;
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String g : a) {
            if (b.contains(g)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }
}
