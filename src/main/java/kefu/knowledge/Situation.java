package kefu.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a buyer says about where they stand ("充了快20分钟还没到", "it's been 25 min", "一直显示充值中"), so the
 * answer can lead with the part of the article for that situation rather than the article's general lead.
 * Today: elapsed time, matched against the thresholds the article's section headings name ("超过15分钟…").
 */
record Situation(OptionalInt elapsedMinutes) {

    private static final String HALF = "半";

    static Situation of(String question, QuestionCues cues) {
        if (!cues.waited(question)) {
            return new Situation(OptionalInt.empty());
        }
        for (Pattern p : cues.elapsed()) {
            Matcher m = p.matcher(question);
            if (m.find()) {
                int unit = cues.unitMinutes(m.group("unit"));
                int minutes = HALF.equals(m.group("number")) ? unit / 2 : number(m.group("number")) * unit;
                return new Situation(minutes > 0 ? OptionalInt.of(minutes) : OptionalInt.empty());
            }
        }
        return new Situation(OptionalInt.empty());
    }

    boolean stated() {
        return elapsedMinutes.isPresent();
    }

    /**
     * The section whose heading names the largest time threshold the buyer has passed ("超过15分钟未到账" after
     * 18 minutes); empty when the article has no such section or the buyer is still within every threshold.
     */
    Optional<Integer> section(Article a, QuestionCues cues) {
        if (elapsedMinutes.isEmpty()) {
            return Optional.empty();
        }
        int best = -1;
        int bestThreshold = -1;
        List<Article.Section> sections = a.sections();
        for (int i = 0; i < sections.size(); i++) {
            String heading = sections.get(i).heading();
            Matcher m = cues.threshold().stream().map(p -> p.matcher(heading)).filter(Matcher::find)
                    .findFirst().orElse(null);
            if (m != null) {
                int threshold = Integer.parseInt(m.group("number")) * cues.unitMinutes(m.group("unit"));
                if (threshold <= elapsedMinutes.getAsInt() && threshold > bestThreshold) {
                    best = i;
                    bestThreshold = threshold;
                }
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    /**
     * Arabic digits or a small Chinese numeral (十八, 四十, 两); 半 is left to the caller. Number grammar, not
     * vocabulary: it stays here, and bot/dialogue.yml's elapsed patterns say which numerals it reads.
     */
    static int number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        if (HALF.equals(s)) {
            return 0;
        }
        String digits = "零一二三四五六七八九";
        int total = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = c == '两' ? 2 : digits.indexOf(c);
            if (d >= 0) {
                current = d;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
        }
        return total + current;
    }
}
