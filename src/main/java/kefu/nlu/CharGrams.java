package kefu.nlu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lexical units of folded text: for Chinese every character and every pair of neighbouring characters
 * (no word segmenter needed), for Latin text whole words with a plural "s" removed.
 */
public final class CharGrams {

    private CharGrams() {
    }

    public static List<String> of(String folded) {
        List<String> grams = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        // Where the Chinese character just before starts, -1 when the previous character is not Chinese.
        int prevHan = -1;
        for (int i = 0; i < folded.length(); ) {
            int start = i;
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(word, grams);
                grams.add(folded.substring(start, i));
                if (prevHan >= 0) {
                    grams.add(folded.substring(prevHan, i));
                }
                prevHan = start;
            } else if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
                prevHan = -1;
            } else {
                flush(word, grams);
                prevHan = -1;
            }
        }
        flush(word, grams);
        return grams;
    }

    public static Set<String> setOf(String folded) {
        return new HashSet<>(of(folded));
    }

    /**
     * The grams that carry word-like meaning: character pairs and Latin words, without single Chinese
     * characters (which make unrelated sentences look alike). A one-character text keeps its character.
     */
    public static Set<String> pairsOf(String folded) {
        return pairsOf(setOf(folded));
    }

    /** {@link #pairsOf(String)} from the text's {@link #setOf set of grams}. */
    public static Set<String> pairsOf(Set<String> all) {
        Set<String> pairs = new HashSet<>();
        for (String g : all) {
            if (g.length() > 1 || !isHan(g)) {
                pairs.add(g);
            }
        }
        return pairs.isEmpty() ? all : pairs;
    }

    private static boolean isHan(String g) {
        return Character.UnicodeScript.of(g.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    private static void flush(StringBuilder word, List<String> grams) {
        if (word.length() > 0) {
            String w = word.toString();
            if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
                w = w.substring(0, w.length() - 1);
            }
            if (w.length() > 1 && !STOP.contains(w)) {
                grams.add(w);
            }
            word.setLength(0);
        }
    }

    private static final Set<String> STOP = Set.of("the", "a", "an", "is", "are", "do", "does", "to", "of", "my",
            "i", "it", "in", "on", "for", "can", "how", "what", "and", "me", "you", "your", "be", "with", "this");
}
