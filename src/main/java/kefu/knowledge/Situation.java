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

    private static final Pattern ELAPSED = Pattern.compile(
            "(?i)(\\d{1,4}|[一二两三四五六七八九十百半]{1,4})\\s*(多|几)?\\s*(个)?\\s*(分钟|分|min(?:ute)?s?|小时|钟头|hours?|hrs?|h|天|days?)(?![a-z])");
    /** Wording that puts the time in the past: it has been that long, not "how long does it take". */
    private static final Pattern PAST = Pattern.compile("(?i)了|过|等|已经|都|快|still|been|ago|waited|waiting|already|没|not");
    private static final Pattern THRESHOLD = Pattern.compile("(超过|超出|过了|大于|以上|over|after)\\s*(\\d{1,4})\\s*(分钟|小时|天|min|hours?)");

    static Situation of(String question) {
        Matcher m = ELAPSED.matcher(question);
        if (m.find() && PAST.matcher(question).find()) {
            int unit = unitMinutes(m.group(4));
            int minutes = "半".equals(m.group(1)) ? unit / 2 : number(m.group(1)) * unit;
            if (minutes > 0) {
                return new Situation(OptionalInt.of(minutes));
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
    Optional<Integer> section(Article a) {
        if (elapsedMinutes.isEmpty()) {
            return Optional.empty();
        }
        int best = -1;
        int bestThreshold = -1;
        List<Article.Section> sections = a.sections();
        for (int i = 0; i < sections.size(); i++) {
            Matcher m = THRESHOLD.matcher(sections.get(i).heading());
            if (m.find()) {
                int threshold = Integer.parseInt(m.group(2)) * unitMinutes(m.group(3));
                if (threshold <= elapsedMinutes.getAsInt() && threshold > bestThreshold) {
                    best = i;
                    bestThreshold = threshold;
                }
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    private static int unitMinutes(String unit) {
        String u = unit.toLowerCase(java.util.Locale.ROOT);
        if (u.startsWith("小时") || u.startsWith("钟头") || u.startsWith("h")) {
            return 60;
        }
        if (u.startsWith("天") || u.startsWith("day")) {
            return 24 * 60;
        }
        return 1;
    }

    /** Arabic digits or a small Chinese numeral (十八, 四十, 两); 半 is left to the caller. */
    static int number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        if ("半".equals(s)) {
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
