package kefu.shop;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a shop's goods to the bot's product categories (keys of {@code kefu.shop.rules.categories}), for shops that
 * have no such categories themselves, so the per-category urge and after-sales rules apply.
 *
 * @param rules           tried in order: a goods id in {@code goodsIds} or a keyword in the goods name
 * @param defaultCategory category of goods no rule names
 */
public record GoodsCategories(@DefaultValue List<Rule> rules, @DefaultValue("default") String defaultCategory) {

    /** One rule: goods ids and/or name keywords (case-insensitive) → {@code category}. */
    public record Rule(String category, @DefaultValue List<Long> goodsIds, @DefaultValue List<String> keywords) {
    }

    public String categoryOf(Long goodsId, String goodsName) {
        String name = goodsName == null ? "" : goodsName.toLowerCase(Locale.ROOT);
        for (Rule rule : rules) {
            if ((goodsId != null && rule.goodsIds().contains(goodsId))
                    || rule.keywords().stream().anyMatch(k -> !k.isBlank() && name.contains(k.toLowerCase(Locale.ROOT)))) {
                return rule.category();
            }
        }
        return defaultCategory;
    }

    /** Stops start-up naming {@code property} when a rule names a category the bot has no rules for. */
    public void validate(String property, Set<String> known) {
        for (int i = 0; i < rules.size(); i++) {
            String c = rules.get(i).category();
            if (c == null || !known.contains(c)) {
                throw new IllegalStateException(property + ".rules[" + i + "].category: '" + c
                        + "' is not a category of kefu.shop.rules.categories " + known);
            }
        }
        if (!known.contains(defaultCategory)) {
            throw new IllegalStateException(property + ".default-category: '" + defaultCategory
                    + "' is not a category of kefu.shop.rules.categories " + known);
        }
    }
}
