package kefu.console.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Adds an example question to an article's front matter by editing lines, so everything else in the file
 * (comments, order, the operator's formatting) stays as it was.
 */
final class FrontMatter {

    /** Written without quotes: letters, digits, spaces and Chinese punctuation that YAML reads as plain text. */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ，。？！、（）《》“”…·]*");

    private FrontMatter() {
    }

    /** The markdown with {@code question} appended to the {@code questions:} list of its front matter. */
    static String withQuestion(String markdown, String question) {
        String q = question.strip().replaceAll("\\s+", " ");
        if (q.isEmpty()) {
            throw new IllegalArgumentException("the question is empty");
        }
        List<String> lines = new ArrayList<>(List.of(markdown.replace("\r\n", "\n").split("\n", -1)));
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            throw new IllegalArgumentException("the article has no front matter");
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new IllegalArgumentException("the article's front matter is not closed");
        }
        int key = -1;
        for (int i = 1; i < end; i++) {
            if (lines.get(i).startsWith("questions:")) {
                key = i;
                break;
            }
        }
        String item = "  - " + scalar(q);
        if (key < 0) {
            lines.add(end, item);
            lines.add(end, "questions:");
            return String.join("\n", lines);
        }
        int last = key;
        for (int i = key + 1; i < end; i++) {
            String l = lines.get(i);
            if (l.startsWith(" ") || l.startsWith("\t") || l.isBlank()) {
                if (!l.isBlank()) {
                    last = i;
                }
            } else {
                break;
            }
        }
        String indent = last > key ? lines.get(last).substring(0, lines.get(last).indexOf('-')) : "  ";
        lines.add(last + 1, indent + "- " + scalar(q));
        return String.join("\n", lines);
    }

    private static String scalar(String q) {
        if (PLAIN.matcher(q).matches()) {
            return q;
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : q.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.append('"').toString();
    }
}
