package kefu.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the shop has decided and the help center states: points, invoices, refund times, contact channels
 * ({@code kefu.policy.*}), and the rules the bot enforces anyway (service hours, urge and cancel windows,
 * after-sales time) read from their own settings, so an article and the bot never disagree. Articles refer
 * to a value as {@code {{policy.KEY}}}; an empty value is unset and is never replaced by a guess.
 */
public record ShopProfile(Map<String, Value> values) {

    public static final ShopProfile EMPTY = new ShopProfile(Map.of());

    public ShopProfile {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static ShopProfile of(List<Value> values) {
        Map<String, Value> byKey = new LinkedHashMap<>();
        values.forEach(v -> byKey.put(v.key(), v));
        return new ShopProfile(byKey);
    }

    public Optional<Value> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The set value of {@code key}; empty when the key is unknown or not filled in. */
    public Optional<String> value(String key) {
        return find(key).filter(Value::isSet).map(Value::value);
    }

    public Collection<Value> all() {
        return values.values();
    }

    public List<Value> unset() {
        return values.values().stream().filter(v -> !v.isSet()).toList();
    }

    /** The one start-up warning for the operator, or empty when every value is filled in. */
    public Optional<String> unfilledWarning() {
        List<Value> unset = unset();
        if (unset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("shop profile: " + unset.size() + " value(s) not filled in, so the help center leaves out "
                + "what they would state: " + unset.stream().map(Value::setting).collect(Collectors.joining(", "))
                + ". Fill them in bot/settings.yml; `kb lint` shows which articles use each "
                + "(docs/knowledge.md, go-live checklist).");
    }

    /**
     * @param key     the name articles use after {@code policy.} (e.g. {@code refund.bank-card-working-days})
     * @param setting the setting an operator edits to change it (e.g. {@code kefu.policy.refund...})
     * @param value   the text put into articles; empty when not filled in
     */
    public record Value(String key, String setting, String value) {

        public Value {
            value = value == null ? "" : value.strip();
        }

        public boolean isSet() {
            return !value.isEmpty();
        }
    }
}
