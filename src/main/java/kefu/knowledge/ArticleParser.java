package kefu.knowledge;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one Markdown article: YAML front matter between {@code ---} lines ({@code id}, {@code title},
 * {@code category}, {@code questions} required), then the body split at {@code ##} headings.
 */
public final class ArticleParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");

    public Article parse(String name, String markdown) {
        String text = markdown.replace("\r\n", "\n").strip();
        if (!text.startsWith("---\n")) {
            throw bad(name, "must start with front matter between '---' lines");
        }
        int end = text.indexOf("\n---", 4);
        if (end < 0) {
            throw bad(name, "front matter is not closed with '---'");
        }
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(4, end));
        if (!(yaml instanceof Map<?, ?> front)) {
            throw bad(name, "front matter must be 'key: value' lines");
        }
        String id = required(name, front, "id");
        if (!ID.matcher(id).matches()) {
            // The id travels in button data (kb:<id>), which Telegram limits to 64 bytes.
            throw bad(name, "id '" + id + "' must be lower-case letters, digits and '-', at most 41 characters");
        }
        List<String> questions = list(front, "questions");
        if (questions.isEmpty()) {
            throw bad(name, "needs at least one example question under 'questions'");
        }
        String body = text.substring(end + 4).strip();
        String intro = body;
        List<Article.Section> sections = new ArrayList<>();
        int first = body.startsWith("## ") ? 0 : body.indexOf("\n## ");
        if (first >= 0) {
            intro = body.substring(0, first).strip();
            for (String part : body.substring(first).split("(?m)^## ")) {
                if (part.isBlank()) {
                    continue;
                }
                int nl = part.indexOf('\n');
                String heading = (nl < 0 ? part : part.substring(0, nl)).strip();
                String sectionText = nl < 0 ? "" : part.substring(nl + 1).strip();
                sections.add(new Article.Section(heading, sectionText));
            }
        }
        if (intro.isBlank() && sections.isEmpty()) {
            throw bad(name, "has no body text");
        }
        return new Article(id, required(name, front, "title"), optional(front, "title_en"),
                required(name, front, "category"), list(front, "tags"), questions, list(front, "questions_en"),
                optional(front, "summary_en"), list(front, "actions"), intro, sections);
    }

    private static String required(String name, Map<?, ?> front, String key) {
        String v = optional(front, key);
        if (v.isBlank()) {
            throw bad(name, "front matter needs '" + key + "'");
        }
        return v;
    }

    private static String optional(Map<?, ?> front, String key) {
        Object v = front.get(key);
        return v == null ? "" : String.valueOf(v).strip();
    }

    private static List<String> list(Map<?, ?> front, String key) {
        Object v = front.get(key);
        if (v instanceof List<?> items) {
            return items.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v).strip());
    }

    private static IllegalStateException bad(String name, String what) {
        return new IllegalStateException("knowledge-base/" + name + ": " + what);
    }
}
