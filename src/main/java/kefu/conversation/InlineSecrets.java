package kefu.conversation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets a buyer typed in passing, outside the step that asked for them: the code of {@code /bind CODE},
 * anything shaped like a bind code, and — in a message that names an order — the proof typed beside it (an
 * email, a short number such as the phone's last digits, a password-like token). What is hidden never reaches
 * the history, the staff transcript or a relayed message.
 */
public final class InlineSecrets {

    public static final String HIDDEN = "[hidden]";

    private static final Pattern BIND_COMMAND = Pattern.compile("(?i)(/bind(?:@\\w+)?)\\s+\\S.*");
    private static final Pattern BIND_CODE = Pattern.compile("(?i)(?<![A-Za-z0-9])BIND(?:[-\\s]?[0-9A-Z]{2,}){1,4}");
    /** A shop order number: a long token with at least 8 digits (K2026112400004, 20261124000123456...). */
    private static final Pattern ORDER_LIKE = Pattern.compile(
            "(?<![A-Za-z0-9])(?=(?:[A-Za-z-]*\\d){8})[A-Za-z0-9-]{10,40}(?![A-Za-z0-9])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");
    private static final Pattern SHORT_NUMBER = Pattern.compile("(?<![A-Za-z0-9])\\d{4,6}(?![A-Za-z0-9])");
    /** Letters and digits mixed, like a query password (not a word, not an order number). */
    private static final Pattern PASSWORD_LIKE = Pattern.compile(
            "(?<![A-Za-z0-9@._-])(?=[A-Za-z0-9_.-]*\\d)(?=[A-Za-z0-9_.-]*[A-Za-z])[A-Za-z0-9_.-]{4,32}(?![A-Za-z0-9@._-])");

    private InlineSecrets() {
    }

    public static String hide(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = BIND_COMMAND.matcher(text).replaceAll("$1 " + HIDDEN);
        out = BIND_CODE.matcher(out).replaceAll(HIDDEN);
        Matcher order = ORDER_LIKE.matcher(out);
        if (!order.find()) {
            return out;
        }
        out = EMAIL.matcher(out).replaceAll(HIDDEN);
        out = SHORT_NUMBER.matcher(out).replaceAll(HIDDEN);
        StringBuilder kept = new StringBuilder();
        Matcher m = PASSWORD_LIKE.matcher(out);
        while (m.find()) {
            boolean orderNumber = ORDER_LIKE.matcher(m.group()).matches();
            m.appendReplacement(kept, Matcher.quoteReplacement(orderNumber ? m.group() : HIDDEN));
        }
        m.appendTail(kept);
        return kept.toString();
    }
}
