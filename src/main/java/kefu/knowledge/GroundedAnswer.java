package kefu.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model-phrased answer against the passages it was given. Whatever a buyer could act on — a link,
 * an @handle, a phone or account number, an amount of money — must come from the passages (amounts may also
 * come from the buyer's own question); an answer with anything else is not used, whatever the model was told
 * or tricked into saying.
 */
final class GroundedAnswer {

    private static final Pattern LINK = Pattern.compile(
            "(?i)(?:https?://|www\\.)[^\\s，。、）)\\]】]+|(?<![\\w@.])(?:[a-z0-9-]+\\.)+(?:com|cn|net|org|io|me|cc|top|xyz|"
                    + "shop|vip|info|app|link|ly|gg|co|tk|ru|site|online|store)\\b(?:/[^\\s，。、）)\\]】]*)?");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w.])@[A-Za-z0-9_]{3,64}");
    /** Seven or more digits, grouped any way: a phone, QQ, account or card number. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d.])\\+?\\d(?:[\\s-]?\\d){6,}");
    /** Money units stay in code: they guard what the model may state, and an edited list must not weaken that. */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?i)[¥￥$]\\s*(\\d+(?:\\.\\d+)?)|(\\d+(?:\\.\\d+)?)\\s*(?:元|块|rmb|cny|usd|美元|usdt|%)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private GroundedAnswer() {
    }

    /** What in {@code answer} is not backed by {@code passages} (or, for amounts, by {@code question}); empty when all is. */
    static List<String> unsupported(String answer, String passages, String question) {
        String source = passages.toLowerCase(Locale.ROOT);
        String digits = passages.replaceAll("[\\s-]", "");
        List<String> out = new ArrayList<>();
        for (String link : all(LINK, answer)) {
            if (!source.contains(link.toLowerCase(Locale.ROOT))) {
                out.add(link);
            }
        }
        for (String handle : all(HANDLE, answer)) {
            if (!source.contains(handle.toLowerCase(Locale.ROOT))) {
                out.add(handle);
            }
        }
        for (String number : all(LONG_NUMBER, answer)) {
            if (!digits.contains(number.replaceAll("[\\s-]", ""))) {
                out.add(number);
            }
        }
        List<String> known = new ArrayList<>(all(NUMBER, passages));
        known.addAll(all(NUMBER, question == null ? "" : question));
        Matcher m = AMOUNT.matcher(answer);
        while (m.find()) {
            String value = m.group(1) != null ? m.group(1) : m.group(2);
            if (known.stream().noneMatch(k -> sameNumber(k, value))) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    private static List<String> all(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
