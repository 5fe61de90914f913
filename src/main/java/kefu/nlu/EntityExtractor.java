package kefu.nlu;

import kefu.conversation.OrderNumbers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks out what a buyer's message names: order numbers (shape set by the operator, default
 * {@code K2026112400012}), after-sales ticket numbers, a mainland mobile number, an email address, and a
 * proof of ownership typed next to an order number ("尾号5678", a full phone number, an email, "查询密码 xx").
 * Entity names: {@code order}, {@code orders}, {@code ticket}, {@code phone}, {@code email}, {@code proof}.
 * <p>
 * Buyers type numbers loosely: "k 2026 1124 00077", full-width digits, or without the prefix letter. A run of
 * digits in groups is read as an order number when it fits the configured shape, with the pattern's literal
 * prefix added when the buyer left it out. A long number of another shape ({@code DD20231122001}) is
 * reported by {@link #foreignNumber} so the bot can say it is not an order of this shop.
 */
public final class EntityExtractor implements OrderNumbers {

    public static final String ORDER = OrderNumbers.ENTITY;
    /** Every order number in the message, comma-separated, in the order typed. */
    public static final String ORDERS = OrderNumbers.ALL;
    public static final String TICKET = "ticket";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    public static final String PROOF = OrderNumbers.PROOF;
    /** A number of another shop's shape (set by the recogniser, see {@link #foreignNumber}). */
    public static final String FOREIGN = OrderNumbers.FOREIGN;

    private static final Pattern PHONE_PATTERN = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
    /** Letters (optional), then digits in groups separated by one blank or dash: "k 2026 1124 00077". */
    private static final Pattern LOOSE_NUMBER = Pattern.compile(
            "(?<![A-Za-z0-9@._-])([A-Za-z]{1,4})?[ \\-_#:]?(\\d+(?:[ \\-]\\d+)*)(?![0-9])");
    private static final Pattern GROUP_SEPARATOR = Pattern.compile("[ \\-]");
    /** A number of another shop's shape: letters and digits, at least 10 long, mostly digits. */
    private static final Pattern OTHER_NUMBER = Pattern.compile("(?<![A-Za-z0-9@._-])[A-Za-z]{0,6}\\d{8,30}(?![A-Za-z0-9])");
    private final NumberShape order;
    private final NumberShape ticket;
    private final ProofWords proofWords;

    /** @param orderNumberPattern regular expression for one order number, matched case-insensitively */
    public EntityExtractor(String orderNumberPattern, ProofWords proofWords) {
        this(orderNumberPattern, "T\\d{13}", proofWords);
    }

    /** @param ticketNumberPattern regular expression for one after-sales ticket number */
    public EntityExtractor(String orderNumberPattern, String ticketNumberPattern, ProofWords proofWords) {
        this.proofWords = proofWords;
        this.order = NumberShape.of(orderNumberPattern, literalPrefix(orderNumberPattern));
        this.ticket = NumberShape.of(ticketNumberPattern, "");
    }

    public Map<String, String> extract(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        String t = plain(text);
        List<String> orders = numbers(t, order);
        if (!orders.isEmpty()) {
            found.put(ORDER, orders.get(0));
            found.put(ORDERS, String.join(",", orders));
        }
        List<String> tickets = numbers(t, ticket);
        if (!tickets.isEmpty()) {
            found.put(TICKET, tickets.get(0));
        }
        first(PHONE_PATTERN, t).ifPresent(p -> found.put(PHONE, p));
        first(EMAIL_PATTERN, t).ifPresent(e -> found.put(EMAIL, e));
        proof(t).ifPresent(p -> found.put(PROOF, p));
        return found;
    }

    @Override
    public Optional<String> orderNumber(String text) {
        List<String> all = orderNumbers(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    @Override
    public List<String> orderNumbers(String text) {
        return numbers(plain(text), order);
    }

    public Optional<String> ticketNumber(String text) {
        List<String> all = numbers(plain(text), ticket);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * A long number that is neither this shop's order or ticket number nor a phone number: most likely another
     * shop's or platform's order ("淘宝订单 2023998877665544").
     */
    public Optional<String> foreignNumber(String text) {
        String t = plain(text);
        if (!orderNumbers(t).isEmpty() || !numbers(t, ticket).isEmpty()) {
            return Optional.empty();
        }
        Matcher m = OTHER_NUMBER.matcher(t);
        while (m.find()) {
            String n = m.group();
            if (!PHONE_PATTERN.matcher(n).matches() && n.length() >= 10) {
                return Optional.of(n.toUpperCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /**
     * A proof of ownership in the text: the last 4 digits named as such, a full phone number, an email address
     * or a query password named as such. Bare digits are not taken: next to an order number they are ambiguous.
     */
    @Override
    public Optional<String> proof(String text) {
        String t = plain(text);
        Optional<String> last = named(proofWords.lastDigits(), t);
        if (last.isPresent()) {
            return last;
        }
        Optional<String> phone = first(PHONE_PATTERN, t);
        if (phone.isPresent()) {
            return phone;
        }
        Optional<String> email = first(EMAIL_PATTERN, t);
        if (email.isPresent()) {
            return email;
        }
        return named(proofWords.password(), t);
    }

    private static Optional<String> named(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return Optional.of(m.group("proof"));
            }
        }
        return Optional.empty();
    }

    /**
     * Numbers of one shape: each loose candidate is split into its digit groups, and the longest run of groups
     * (from the left) that fits the shape, with or without the prefix letter the buyer left out, is taken.
     */
    private static List<String> numbers(String text, NumberShape number) {
        Pattern shape = number.shape();
        String prefix = number.prefix();
        List<String> found = new ArrayList<>();
        Matcher exact = number.typedExactly().matcher(text);
        while (exact.find()) {
            String n = exact.group(1).toUpperCase(Locale.ROOT);
            if (!found.contains(n)) {
                found.add(n);
            }
        }
        Matcher m = LOOSE_NUMBER.matcher(text);
        while (m.find()) {
            String letters = m.group(1) == null ? "" : m.group(1);
            String[] groups = GROUP_SEPARATOR.split(m.group(2));
            int i = 0;
            while (i < groups.length) {
                int taken = 0;
                for (int j = groups.length; j > i && taken == 0; j--) {
                    String digits = String.join("", java.util.Arrays.copyOfRange(groups, i, j));
                    String lead = i == 0 ? letters : "";
                    Optional<String> fit = fit(shape, prefix, lead, digits);
                    if (fit.isPresent()) {
                        if (!found.contains(fit.get())) {
                            found.add(fit.get());
                        }
                        taken = j - i;
                    }
                }
                i += Math.max(1, taken);
            }
        }
        return found;
    }

    private static Optional<String> fit(Pattern shape, String prefix, String letters, String digits) {
        String withLetters = (letters + digits).toUpperCase(Locale.ROOT);
        if (shape.matcher(withLetters).matches()) {
            return Optional.of(withLetters);
        }
        if (letters.isEmpty() && !prefix.isEmpty()) {
            String withPrefix = (prefix + digits).toUpperCase(Locale.ROOT);
            if (shape.matcher(withPrefix).matches()) {
                return Optional.of(withPrefix);
            }
        }
        return Optional.empty();
    }

    /**
     * One kind of number: its shape, the shape standing alone in a text (typed exactly as the shape says, any
     * shape: "LWKZDKU1SBCXDXBN" as well as "K2026112400012"), and the letters a buyer may leave out.
     */
    private record NumberShape(Pattern shape, Pattern typedExactly, String prefix) {

        static NumberShape of(String pattern, String prefix) {
            return new NumberShape(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE),
                    Pattern.compile("(?<![A-Za-z0-9])(" + pattern + ")(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE),
                    prefix);
        }
    }

    /** The letters a pattern starts with literally ("K" of {@code K\d{13}}); empty when it starts otherwise. */
    static String literalPrefix(String pattern) {
        StringBuilder out = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (!Character.isLetter(c) || c > 0x7f) {
                break;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Full-width letters and digits to ASCII, so "Ｋ２０２６…" reads as a number. */
    private static String plain(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static Optional<String> first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
