package kefu.knowledge;

import kefu.nlu.CuePatterns;

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
public record QuestionCues(CuePatterns injection, List<Pattern> where, Pattern whereFiller, CuePatterns price,
                           CuePatterns spent, List<Pattern> elapsed, CuePatterns waited, List<Pattern> threshold,
                           List<String> hourUnits, List<String> dayUnits) {

    public QuestionCues {
        where = List.copyOf(where);
        elapsed = List.copyOf(elapsed);
        threshold = List.copyOf(threshold);
        hourUnits = hourUnits.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList();
        dayUnits = dayUnits.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList();
    }

    /** "^(w1|w2|...)+" of the operator's words, in their order. */
    public static Pattern leading(List<String> words) {
        return Pattern.compile("^(" + String.join("|", words.stream().map(Pattern::quote).toList()) + ")+");
    }

    boolean injection(String text) {
        return injection.foundIn(text);
    }

    boolean price(String text) {
        return price.foundIn(text);
    }

    /** Money the buyer spent: about their own orders, not a price. */
    boolean spent(String text) {
        return spent.foundIn(text);
    }

    boolean waited(String text) {
        return waited.foundIn(text);
    }

    /** Minutes in one of {@code unit}: hours and days by how the unit starts, anything else is minutes. */
    int unitMinutes(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (hourUnits.stream().anyMatch(u::startsWith)) {
            return 60;
        }
        return dayUnits.stream().anyMatch(u::startsWith) ? 24 * 60 : 1;
    }
}
