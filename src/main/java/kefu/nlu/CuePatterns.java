package kefu.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one cue list ({@code bot/dialogue.yml}), checked as cheaply as their text allows: most are
 * plain Chinese words ("转人工", "骗子"), which are looked for with {@link String#contains} instead of a
 * {@link java.util.regex.Matcher} per pattern and message. Chinese characters have no case, so ignoring case
 * changes nothing for them; every other pattern stays a regular expression.
 */
public final class CuePatterns {

    private final List<String> words;
    private final List<Pattern> expressions;

    private CuePatterns(List<String> words, List<Pattern> expressions) {
        this.words = List.copyOf(words);
        this.expressions = List.copyOf(expressions);
    }

    public static CuePatterns of(List<Pattern> patterns) {
        List<String> words = new ArrayList<>();
        List<Pattern> expressions = new ArrayList<>();
        for (Pattern p : patterns) {
            if (chineseWord(p.pattern())) {
                words.add(p.pattern());
            } else {
                expressions.add(p);
            }
        }
        return new CuePatterns(words, expressions);
    }

    /** Whether one of the patterns occurs in the text. */
    public boolean foundIn(String text) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        for (Pattern p : expressions) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the patterns matches the whole text. */
    public boolean matchesAll(String text) {
        for (String w : words) {
            if (text.equals(w)) {
                return true;
            }
        }
        for (Pattern p : expressions) {
            if (p.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Only Chinese characters: no regular-expression syntax and nothing that case could change. */
    static boolean chineseWord(String pattern) {
        return !pattern.isEmpty() && pattern.codePoints()
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
