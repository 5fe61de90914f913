package kefu.knowledge;

import kefu.policy.ShopProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the shop's values into an article when it is loaded. {@code {{policy.KEY}}} is the value; a sentence
 * naming a value that is not filled in is left out rather than stated with a guess.
 * {@code {{#policy.KEY}}…{{/policy.KEY}}} is kept only when the value is set, {@code {{^policy.KEY}}…{{/policy.KEY}}}
 * only when it is not (for "ask our staff" in its place).
 */
public final class ArticleTemplate {

    static final String KEY = "[a-z0-9_-]+(?:\\.[a-z0-9_-]+)*";
    static final Pattern VALUE = Pattern.compile("\\{\\{\\s*policy\\.(" + KEY + ")\\s*}}");
    static final Pattern BLOCK = Pattern.compile(
            "\\{\\{\\s*([#^])\\s*policy\\.(" + KEY + ")\\s*}}(.*?)\\{\\{\\s*/\\s*policy\\.\\2\\s*}}", Pattern.DOTALL);
    /** Stands for a block left out until the lines are looked at; never in an article. */
    private static final String LEFT_OUT = "\u0000";
    private static final Pattern LIST_MARKER = Pattern.compile("\\s*(?:[-*+]|\\d+\\.)\\s+");
    private static final Pattern LIST_MARKER_ONLY = Pattern.compile("\\s*(?:[-*+]|\\d+\\.)?\\s*");

    private final ShopProfile profile;

    public ArticleTemplate(ShopProfile profile) {
        this.profile = profile;
    }

    /** The article as buyers read it; {@code problem} hears of references to values the profile does not have. */
    public Article render(Article a, Consumer<String> problem) {
        List<Article.Section> sections = new ArrayList<>();
        for (Article.Section s : a.sections()) {
            String text = render(s.text(), problem);
            if (!text.isBlank()) {
                sections.add(new Article.Section(render(s.heading(), problem), text));
            }
        }
        return new Article(a.id(), render(a.title(), problem), render(a.titleEn(), problem), a.category(), a.tags(),
                a.questions(), a.questionsEn(), render(a.summaryEn(), problem), a.actions(),
                render(a.intro(), problem), sections);
    }

    public String render(String text, Consumer<String> problem) {
        if (!text.contains("{{")) {
            return text;
        }
        Matcher blocks = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (blocks.find()) {
            boolean set = isSet(blocks.group(2), problem);
            boolean keep = blocks.group(1).equals("#") == set;
            blocks.appendReplacement(out, Matcher.quoteReplacement(keep ? blocks.group(3) : LEFT_OUT));
        }
        blocks.appendTail(out);
        List<String> lines = new ArrayList<>();
        for (String line : out.toString().split("\n", -1)) {
            if (line.contains(LEFT_OUT)) {
                // A line that held nothing but a left-out block goes; elsewhere the block just vanishes.
                line = line.replace(LEFT_OUT, "");
                if (line.isBlank()) {
                    continue;
                }
            }
            if (!VALUE.matcher(line).find()) {
                lines.add(line);
                continue;
            }
            String kept = renderLine(line, problem);
            if (!LIST_MARKER_ONLY.matcher(kept).matches()) {
                lines.add(kept);
            }
        }
        // A block or sentence left out can leave an empty line where there was one already.
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
    }

    private String renderLine(String line, Consumer<String> problem) {
        // A list item keeps its marker even when its first sentence is left out.
        Matcher marker = LIST_MARKER.matcher(line);
        String prefix = marker.lookingAt() ? marker.group() : "";
        StringBuilder kept = new StringBuilder();
        for (String sentence : sentences(line.substring(prefix.length()))) {
            Matcher m = VALUE.matcher(sentence);
            StringBuilder filled = new StringBuilder();
            boolean complete = true;
            while (m.find()) {
                String key = m.group(1);
                if (!isSet(key, problem)) {
                    complete = false;
                    break;
                }
                m.appendReplacement(filled, Matcher.quoteReplacement(profile.value(key).orElseThrow()));
            }
            if (complete) {
                m.appendTail(filled);
                kept.append(filled);
            }
        }
        String result = kept.toString().stripTrailing();
        if (result.isEmpty()) {
            return "";
        }
        // "A；B。" without B ends "A；": close it as a sentence.
        if (result.endsWith("；") && line.stripTrailing().endsWith("。")) {
            result = result.substring(0, result.length() - 1) + "。";
        }
        return prefix + result;
    }

    private boolean isSet(String key, Consumer<String> problem) {
        if (profile.find(key).isEmpty()) {
            problem.accept("{{policy." + key + "}} is not a shop-profile value; its sentence is left out");
            return false;
        }
        return profile.value(key).isPresent();
    }

    /**
     * A line cut after each sentence end: 。；！？ in Chinese, and . ; ! ? followed by a space and a capital
     * (so "e.g. month start" stays one sentence) in English. Each piece keeps its punctuation and spaces.
     */
    static List<String> sentences(String line) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if ("。；！？".indexOf(c) >= 0) {
                parts.add(line.substring(start, i + 1));
                start = i + 1;
            } else if (".;!?".indexOf(c) >= 0) {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) == ' ') {
                    j++;
                }
                if (j > i + 1 && j < line.length() && startsSentence(line.charAt(j))) {
                    parts.add(line.substring(start, j));
                    start = j;
                    i = j - 1;
                }
            }
            i++;
        }
        if (start < line.length()) {
            parts.add(line.substring(start));
        }
        return parts;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || c == '{' || c == '*' || c == '"' || c == '“' || c == '(';
    }
}
