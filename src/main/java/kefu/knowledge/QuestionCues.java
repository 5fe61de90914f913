package kefu.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How buyers word help-center questions ({@code bot/dialogue.yml}): instructions aimed at the bot, "where is X",
 * a price (not money they spent), how long they have waited, and the waits that article headings name.
 *
 * @param where       patterns with a group {@code thing}
 * @param whereFiller words before the thing that are not part of it, stripped from its start
 * @param elapsed     patterns with groups {@code number} and {@code unit}, read only with a {@code waited} word
 * @param threshold   patterns for section headings, with groups {@code number} (digits) and {@code unit}
 */
public record QuestionCues(List<Pattern> injection, List<Pattern> where, Pattern whereFiller, List<Pattern> price,
                           List<Pattern> spent, List<Pattern> elapsed, List<Pattern> waited, List<Pattern> threshold,
                           List<String> hourUnits, List<String> dayUnits) {

    public QuestionCues {
        injection = List.copyOf(injection);
        where = List.copyOf(where);
        price = List.copyOf(price);
        spent = List.copyOf(spent);
        elapsed = List.copyOf(elapsed);
        waited = List.copyOf(waited);
        threshold = List.copyOf(threshold);
        hourUnits = hourUnits.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList();
        dayUnits = dayUnits.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList();
    }

    /** "^(w1|w2|...)+" of the operator's words, in their order. */
    public static Pattern leading(List<String> words) {
        return Pattern.compile("^(" + String.join("|", words.stream().map(Pattern::quote).toList()) + ")+");
    }

    boolean injection(String text) {
        return any(injection, text);
    }

    boolean price(String text) {
        return any(price, text);
    }

    /** Money the buyer spent: about their own orders, not a price. */
    boolean spent(String text) {
        return any(spent, text);
    }

    boolean waited(String text) {
        return any(waited, text);
    }

    /** Minutes in one of {@code unit}: hours and days by how the unit starts, anything else is minutes. */
    int unitMinutes(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (hourUnits.stream().anyMatch(u::startsWith)) {
            return 60;
        }
        return dayUnits.stream().anyMatch(u::startsWith) ? 24 * 60 : 1;
    }

    private static boolean any(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }
}
