package kefu.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides most of a phone number, email or account so replies, staff views and logs never carry them whole. */
public final class Masking {

    /** A mobile number, also written in groups ("138 1234 5678", "138-1234-5678"). */
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})(?!\\d)");
    /**
     * An 18-character resident ID: a birth date (19xx or 20xx, a real month and day) in the middle, so that a
     * long order number is not taken for one.
     */
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9A-Za-z])([1-9]\\d{2})\\d{3}[ -]?(?:19|20)\\d{2}"
            + "(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])[ -]?(\\d{3}[\\dXx])(?![0-9A-Za-z])");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,24})");

    private Masking() {
    }

    /** 13812345678 → 138****5678; alice@example.com → a***@example.com; anything else keeps 2+2 characters. */
    public static String target(String target) {
        if (target == null || target.isBlank()) {
            return "-";
        }
        String t = target.strip();
        if (t.matches("1\\d{10}")) {
            return t.substring(0, 3) + "****" + t.substring(7);
        }
        int at = t.indexOf('@');
        if (at > 0) {
            return t.charAt(0) + "***" + t.substring(at);
        }
        if (t.length() <= 4) {
            return "****";
        }
        return t.substring(0, 2) + "****" + t.substring(t.length() - 2);
    }

    /** The mobile numbers and emails written in free text, whole, in order of appearance (for staff only). */
    public static java.util.List<String> contacts(String text) {
        java.util.List<String> found = new java.util.ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher phones = PHONE.matcher(text);
        while (phones.find()) {
            found.add(phones.group());
        }
        Matcher emails = EMAIL.matcher(text);
        while (emails.find()) {
            found.add(emails.group());
        }
        return found;
    }

    /** Masks every mobile number, resident ID number and email inside free text. */
    public static String inText(String text) {
        if (text == null) {
            return null;
        }
        String ids = ID_CARD.matcher(text).replaceAll("$1***********$2");
        String phones = PHONE.matcher(ids).replaceAll("$1****$3");
        Matcher m = EMAIL.matcher(phones);
        return m.replaceAll("$1***$2");
    }
}
