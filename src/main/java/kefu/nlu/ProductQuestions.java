package kefu.nlu;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Do you sell X?" ({@code product-question} in {@code bot/dialogue.yml}): the product a buyer asks about, split
 * into what kind of product it is (the shop's categories, by their words) and the names left once the generic
 * words ({@code product-words}) are taken out — "王者荣耀点券" is a game item named 王者荣耀. Whether the help
 * center describes those names is the knowledge capability's call.
 */
public final class ProductQuestions {

    /** A name left over: a run of Chinese characters, or a Latin word ("steam", "netflix"). */
    private static final Pattern LATIN_WORD = Pattern.compile("[a-z][a-z0-9'\\-]*");
    private static final Pattern NAME = Pattern.compile("\\p{IsHan}{2,}|(?<![a-z0-9])[a-z][a-z0-9]+(?![a-z0-9])");

    /**
     * @param thing      the product as the buyer wrote it
     * @param names      runs of Chinese characters and Latin words left after the generic and category words
     * @param categories the shop categories the product's words name
     * @param sold       false when a named category is not one the shop sells
     */
    public record Asked(String thing, List<String> names, Set<String> categories, boolean sold) {
    }

    private final List<Pattern> questions;
    /** The generic words, longest first: Chinese ones as they are, Latin ones as whole words only. */
    private final List<Pattern> genericWords;
    /** Question words: "有什么优惠吗" asks about offers, not about a product called 什么. */
    private final List<String> notProduct;
    private final Map<String, List<String>> categoryWords;
    private final Set<String> soldCategories;

    /**
     * @param questions      patterns with a group {@code thing}
     * @param genericWords   words that say what kind of thing a product is, not which one
     * @param notProduct     words that make the "product" asked about a question word instead
     * @param categoryWords  per shop category, the words buyers call it by
     * @param soldCategories the categories the shop has rules for (what it sells)
     */
    public ProductQuestions(List<String> questions, List<String> genericWords, List<String> notProduct,
                            Map<String, List<String>> categoryWords, Set<String> soldCategories) {
        this.notProduct = notProduct.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        this.questions = questions.stream().map(Pattern::compile).toList();
        // Longest first, so "充值卡" goes before "卡".
        this.genericWords = genericWords.stream().map(w -> w.toLowerCase(Locale.ROOT))
                .sorted((a, b) -> b.length() - a.length())
                .map(w -> LATIN_WORD.matcher(w).matches()
                        ? Pattern.compile("(?<![a-z0-9])" + Pattern.quote(w) + "(?![a-z0-9])")
                        : Pattern.compile(Pattern.quote(w))).toList();
        this.categoryWords = Map.copyOf(categoryWords);
        this.soldCategories = Set.copyOf(soldCategories);
    }

    public Optional<Asked> asked(String question) {
        String q = question.strip().toLowerCase(Locale.ROOT);
        for (Pattern p : questions) {
            Matcher m = p.matcher(q);
            if (m.find()) {
                String thing = m.group("thing").strip();
                if (thing.length() < 2 || notProduct.stream().anyMatch(thing::contains)) {
                    return Optional.empty();
                }
                return Optional.of(split(thing));
            }
        }
        return Optional.empty();
    }

    private Asked split(String thing) {
        String rest = thing;
        Set<String> named = new LinkedHashSet<>();
        List<Map.Entry<String, String>> words = new ArrayList<>();
        categoryWords.forEach((category, list) -> list.forEach(w -> words.add(Map.entry(w.toLowerCase(Locale.ROOT), category))));
        words.sort((a, b) -> b.getKey().length() - a.getKey().length());
        for (Map.Entry<String, String> w : words) {
            if (!w.getKey().isBlank() && rest.contains(w.getKey())) {
                named.add(w.getValue());
                rest = rest.replace(w.getKey(), " ");
            }
        }
        for (Pattern w : genericWords) {
            rest = w.matcher(rest).replaceAll(" ");
        }
        List<String> names = new ArrayList<>();
        Matcher run = NAME.matcher(rest);
        while (run.find()) {
            names.add(run.group());
        }
        return new Asked(thing, List.copyOf(names), Set.copyOf(named), soldCategories.containsAll(named));
    }
}
