package kefu.privacy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces every piece of personal data in free text by a placeholder — for text that leaves the bot for a
 * third party (the language model), which needs none of it. Catches what people really type: phone numbers
 * with spaces, dashes or dots and with {@code +86}/{@code 0086}, landlines, ID-card numbers, bank-card
 * numbers (grouped or not) and emails, every occurrence.
 */
public final class PersonalData {

    private static final String NOT_AFTER = "(?<![0-9A-Za-z])";
    private static final String NOT_BEFORE = "(?![0-9A-Za-z])";
    private static final String SEP = "[\\s.\\-]?";

    private record Kind(Pattern pattern, String placeholder) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}"), "[email]"),
            // 18-digit resident ID (last character may be X), optionally grouped 6-8-4.
            new Kind(Pattern.compile(NOT_AFTER + "\\d{6}" + SEP + "(?:19|20)\\d{6}" + SEP + "\\d{3}[\\dXx]" + NOT_BEFORE),
                    "[id-card]"),
            // Mobile numbers, with +86 / 0086 / (86) / 86 in front or not, digits grouped any way.
            new Kind(Pattern.compile("(?:(?:\\+|00)\\s?86" + SEP + "|\\(\\+?86\\)\\s?|" + NOT_AFTER + "86" + SEP + "|" + NOT_AFTER
                    + ")1[3-9]\\d(?:" + SEP + "\\d){8}" + NOT_BEFORE), "[phone]"),
            // Bank cards: 12 to 19 digits, in groups of four or not.
            new Kind(Pattern.compile(NOT_AFTER + "\\d{4}(?:" + SEP + "\\d{4}){2,3}(?:" + SEP + "\\d{1,3})?" + NOT_BEFORE),
                    "[bank-card]"),
            new Kind(Pattern.compile(NOT_AFTER + "\\d{12,19}" + NOT_BEFORE), "[bank-card]"),
            new Kind(Pattern.compile(NOT_AFTER + "0\\d{2,3}" + SEP + "\\d{3,4}" + SEP + "\\d{4}" + NOT_BEFORE), "[phone]"));

    private PersonalData() {
    }

    /** The text with every phone, ID-card and bank-card number and email replaced by a placeholder. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Kind kind : KINDS) {
            out = kind.pattern().matcher(out).replaceAll(kind.placeholder());
        }
        return out;
    }
}
