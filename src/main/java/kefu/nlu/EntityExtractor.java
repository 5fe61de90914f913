package kefu.nlu;

import kefu.conversation.OrderNumbers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks out what a buyer's message names: an order number (shape set by the operator, default
 * {@code K2026112400012}), a mainland mobile number, an email address.
 * Entity names: {@code order}, {@code phone}, {@code email}.
 */
public final class EntityExtractor implements OrderNumbers {

    public static final String ORDER = OrderNumbers.ENTITY;
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";

    private static final Pattern PHONE_PATTERN = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");

    private final Pattern orderPattern;

    /** @param orderNumberPattern regular expression for one order number, matched case-insensitively */
    public EntityExtractor(String orderNumberPattern) {
        this.orderPattern = Pattern.compile("(?<![A-Za-z0-9])(" + orderNumberPattern + ")(?![A-Za-z0-9])",
                Pattern.CASE_INSENSITIVE);
    }

    public Map<String, String> extract(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        orderNumber(text).ifPresent(o -> found.put(ORDER, o));
        first(PHONE_PATTERN, text).ifPresent(p -> found.put(PHONE, p));
        first(EMAIL_PATTERN, text).ifPresent(e -> found.put(EMAIL, e));
        return found;
    }

    @Override
    public Optional<String> orderNumber(String text) {
        Matcher m = orderPattern.matcher(text);
        return m.find() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    private static Optional<String> first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
