package kefu.knowledge;

import kefu.nlu.TextFolding;
import kefu.policy.ShopProfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the help center before buyers read it: every number an article states must be a shop-profile value
 * ({@code {{policy.*}}}) or a listed fact of the buyer's guide; every {@code {{policy.*}}} must name a profile
 * value; no example question may lead to two articles. Values not filled in are warnings: the bot leaves
 * their sentences out.
 */
public final class KbLint {

    private static final Set<String> STATED_KEYS = Set.of("title", "title_en", "summary_en");
    private static final Set<String> QUESTION_KEYS = Set.of("questions", "questions_en");
    private static final Pattern FRONT_KEY = Pattern.compile("([A-Za-z_]+):(.*)");
    private static final Pattern LIST_ITEM = Pattern.compile("\\s+-\\s+(.*)");
    private static final Pattern NUMBERING = Pattern.compile("\\s*(?:#+\\s*)?\\d+[.)、]\\s+");
    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern TAG_PARTS = Pattern.compile("\\s*([#^/]?)\\s*policy\\.(" + ArticleTemplate.KEY + ")\\s*");
    private static final String NUM = "\\d+(?::\\d{2})?(?:\\.\\d+)?";
    /**
     * The units the help center states numbers in, each mapped to one canonical unit below (UNIT_OF): grammar the
     * lint's comparison depends on, not buyer wording, so it stays in code. The findings are English CLI output, as
     * from a compiler; reply files hold what the bot and the console say, not a terminal tool's diagnostics.
     */
    private static final String UNITS = "个工作日|工作日|working days?|business days?|分钟|minutes?|mins?|小时|hours?|hrs?|h"
            + "|个月|months?|天|days?|秒|seconds?|年|years?|元|yuan|位|digits?|积分|points?|%|个|张|次|条";
    /** A number, a range or product of two, and its unit; not part of a word, version or identifier. */
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9.:_/-])(" + NUM + "(?:\\s*[-–—~～至到/×*]\\s*" + NUM
            + ")?)(?:\\s*(" + UNITS + "))?(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> UNIT_OF = unitNames();

    private final ShopProfile profile;
    private final Pattern orderNumber;
    private final TextFolding folding;
    private final ArticleParser parser = new ArticleParser();

    public KbLint(ShopProfile profile, Pattern orderNumber, TextFolding folding) {
        this.profile = profile;
        this.orderNumber = orderNumber;
        this.folding = folding;
    }

    /**
     * @param sources the article files with the path to show for each
     * @param facts   numbers any article may state as written (e.g. {@code 1-10分钟}), from the facts file
     */
    public Report lint(List<Source> sources, List<String> facts) {
        Set<String> factKeys = new HashSet<>();
        facts.forEach(f -> numbers(f).forEach(n -> factKeys.add(n.key())));
        List<Finding> findings = new ArrayList<>();
        Map<String, Located> questions = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        int articles = 0;
        for (Source s : sources) {
            String name = s.file().substring(s.file().lastIndexOf('/') + 1);
            Article article;
            try {
                article = parser.parse(name, s.text());
            } catch (RuntimeException e) {
                findings.add(new Finding(s.file(), 1, Severity.ERROR,
                        e.getMessage().replace("knowledge-base/" + name + ": ", "")));
                continue;
            }
            articles++;
            String other = ids.putIfAbsent(article.id(), s.file());
            if (other != null) {
                findings.add(new Finding(s.file(), 1, Severity.ERROR, "id '" + article.id() + "' is also used by " + other));
            }
            lines(s, factKeys, questions, findings);
        }
        findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line));
        return new Report(articles, findings);
    }

    private void lines(Source s, Set<String> facts, Map<String, Located> questions, List<Finding> findings) {
        String[] lines = s.text().replace("\r\n", "\n").split("\n", -1);
        int fences = 0;
        String key = "";
        Deque<String> open = new ArrayDeque<>();
        Map<String, Integer> ownQuestions = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int no = i + 1;
            if (fences < 2 && line.strip().equals("---")) {
                fences++;
                continue;
            }
            String stated = null;
            if (fences == 1) {
                Matcher k = FRONT_KEY.matcher(line);
                if (k.matches()) {
                    key = k.group(1);
                    stated = STATED_KEYS.contains(key) ? k.group(2) : null;
                } else if (QUESTION_KEYS.contains(key)) {
                    Matcher item = LIST_ITEM.matcher(line);
                    if (item.matches()) {
                        question(s.file(), no, unquote(item.group(1)), questions, ownQuestions, findings);
                    }
                } else if (STATED_KEYS.contains(key)) {
                    stated = line;
                }
            } else if (fences >= 2) {
                stated = line;
            }
            if (stated != null) {
                tags(s.file(), no, stated, open, findings);
                numbers(s.file(), no, stated, facts, findings);
            }
        }
        for (String k : open) {
            findings.add(new Finding(s.file(), lines.length, Severity.ERROR, "{{" + k + "}} is never closed"));
        }
    }

    private void question(String file, int line, String question, Map<String, Located> all,
                          Map<String, Integer> own, List<Finding> findings) {
        String norm = folding.fold(question).replaceAll("[\\p{P}\\p{S}\\s]+", "");
        if (norm.isEmpty()) {
            return;
        }
        Integer sameArticle = own.putIfAbsent(norm, line);
        if (sameArticle != null) {
            findings.add(new Finding(file, line, Severity.WARNING,
                    "example question \"" + question + "\" is already listed on line " + sameArticle));
            return;
        }
        Located first = all.putIfAbsent(norm, new Located(file, line));
        if (first != null) {
            findings.add(new Finding(file, line, Severity.ERROR, "example question \"" + question + "\" is also in "
                    + first.file() + ":" + first.line() + "; one question should lead to one article"));
        }
    }

    private void tags(String file, int line, String text, Deque<String> open, List<Finding> findings) {
        Matcher m = TAG.matcher(text);
        int end = 0;
        while (m.find()) {
            end = m.end();
            Matcher parts = TAG_PARTS.matcher(m.group(1));
            if (!parts.matches()) {
                findings.add(new Finding(file, line, Severity.ERROR, "{{" + m.group(1) + "}} is not a template reference; "
                        + "write {{policy.KEY}}, {{#policy.KEY}}…{{/policy.KEY}} or {{^policy.KEY}}…{{/policy.KEY}}"));
                continue;
            }
            String kind = parts.group(1);
            String key = parts.group(2);
            if (kind.equals("/")) {
                if (!("policy." + key).equals(open.peek() == null ? null : open.peek().substring(1))) {
                    findings.add(new Finding(file, line, Severity.ERROR, "{{/policy." + key + "}} closes no open "
                            + "{{#policy." + key + "}} or {{^policy." + key + "}}"));
                } else {
                    open.pop();
                }
                continue;
            }
            if (!kind.isEmpty()) {
                if (!open.isEmpty()) {
                    findings.add(new Finding(file, line, Severity.ERROR, "{{" + kind + "policy." + key
                            + "}} inside another block; blocks cannot be nested"));
                }
                open.push(kind + "policy." + key);
            }
            Optional<ShopProfile.Value> value = profile.find(key);
            if (value.isEmpty()) {
                findings.add(new Finding(file, line, Severity.ERROR, "{{policy." + key + "}} is not a shop-profile value"
                        + nearest(key).map(k -> "; did you mean {{policy." + k + "}}?").orElse("")
                        + " (add it under kefu.policy in bot/settings.yml if it is a new one)"));
            } else if (!value.get().isSet() && !kind.equals("^")) {
                findings.add(new Finding(file, line, Severity.WARNING, value.get().setting() + " is not filled in: "
                        + (kind.isEmpty() ? "this sentence" : "this block") + " is left out until it is"));
            }
        }
        String rest = text.substring(end);
        if (rest.contains("{{") || rest.contains("}}")) {
            findings.add(new Finding(file, line, Severity.ERROR, "unmatched '{{' or '}}'"));
        }
    }

    private void numbers(String file, int line, String text, Set<String> facts, List<Finding> findings) {
        Matcher numbering = NUMBERING.matcher(text);
        String statement = TAG.matcher(numbering.lookingAt() ? text.substring(numbering.end()) : text).replaceAll(" ");
        for (StatedNumber n : numbers(statement)) {
            if (facts.contains(n.key()) || orderNumber.matcher(n.number()).matches()) {
                continue;
            }
            String hint = profile.all().stream().filter(v -> v.value().equals(n.number())).findFirst()
                    .map(v -> "; it is the value of {{policy." + v.key() + "}}: write that, so the article follows "
                            + v.setting())
                    .orElse("; make it a {{policy.*}} value (kefu.policy in bot/settings.yml), or add it to "
                            + "bot/help-center-facts.yml if it is a fact of the buyer's guide");
            findings.add(new Finding(file, line, Severity.ERROR, "\"" + n.text() + "\" is neither a shop-profile value "
                    + "nor a known fact" + hint));
        }
    }

    static List<StatedNumber> numbers(String text) {
        List<StatedNumber> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String number = m.group(1).replaceAll("\\s+", "").replaceAll("[–—~～至到]", "-").replace('*', '×')
                    .replaceAll("(?<![\\d:.])0+(?=\\d)", "");
            String unit = m.group(2) == null ? "" : UNIT_OF.getOrDefault(m.group(2).toLowerCase(Locale.ROOT), "");
            found.add(new StatedNumber(m.group().strip(), number, unit));
        }
        return found;
    }

    private Optional<String> nearest(String key) {
        return profile.all().stream().map(ShopProfile.Value::key)
                .filter(k -> distance(k, key) <= Math.max(2, key.length() / 4))
                .min(Comparator.comparingInt(k -> distance(k, key)));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static Map<String, String> unitNames() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String u : List.of("个工作日", "工作日", "working day", "working days", "business day", "business days")) {
            m.put(u, "working-day");
        }
        for (String u : List.of("分钟", "minute", "minutes", "min", "mins")) {
            m.put(u, "minute");
        }
        for (String u : List.of("小时", "hour", "hours", "hr", "hrs", "h")) {
            m.put(u, "hour");
        }
        for (String u : List.of("个月", "month", "months")) {
            m.put(u, "month");
        }
        for (String u : List.of("天", "day", "days")) {
            m.put(u, "day");
        }
        for (String u : List.of("秒", "second", "seconds")) {
            m.put(u, "second");
        }
        for (String u : List.of("年", "year", "years")) {
            m.put(u, "year");
        }
        for (String u : List.of("元", "yuan")) {
            m.put(u, "yuan");
        }
        for (String u : List.of("位", "digit", "digits")) {
            m.put(u, "digit");
        }
        for (String u : List.of("积分", "point", "points")) {
            m.put(u, "point");
        }
        for (String u : List.of("个", "张", "次", "条")) {
            m.put(u, "count");
        }
        m.put("%", "%");
        return m;
    }

    /** A number as written, and its comparable form: {@code 1–10 minutes} and {@code 1-10分钟} are the same. */
    record StatedNumber(String text, String number, String unit) {
        String key() {
            return number + "|" + unit;
        }
    }

    private record Located(String file, int line) {
    }

    /** An article file: the path shown in findings and its text. */
    public record Source(String file, String text) {
    }

    public enum Severity {
        ERROR, WARNING;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One problem, printed as compilers do: {@code file:line: error: message}. */
    public record Finding(String file, int line, Severity severity, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + severity + ": " + message;
        }
    }

    public record Report(int articles, List<Finding> findings) {

        public Report {
            findings = List.copyOf(findings);
        }

        public long errors() {
            return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        }

        public long warnings() {
            return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        }
    }
}
