package kefu.bench;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The help-center articles as the baselines see them: {@code knowledge-base/*.md} with a YAML front matter
 * ({@code id}, {@code title}, {@code questions}, ...) and a Markdown body. A baseline indexes all of an
 * article's words: title, English title, tags, example questions, English summary and body.
 */
record KnowledgeArticles(List<Article> articles) {

    record Article(String id, String title, String text) { }

    static KnowledgeArticles read(Path dir) throws IOException {
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                articles.add(parse(file, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return new KnowledgeArticles(List.copyOf(articles));
    }

    boolean has(String id) {
        return articles.stream().anyMatch(a -> a.id().equals(id));
    }

    private static Article parse(Path file, String content) {
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        if (!content.startsWith("---")) {
            return new Article(name, name, content);
        }
        int end = content.indexOf("\n---", 3);
        if (end < 0) {
            throw new IllegalStateException(file + ": front matter is not closed by ---");
        }
        Object front = new Yaml(new SafeConstructor(new LoaderOptions())).load(content.substring(3, end));
        Map<?, ?> meta = front instanceof Map<?, ?> m ? m : Map.of();
        String body = content.substring(content.indexOf('\n', end + 1) + 1);
        StringBuilder text = new StringBuilder();
        for (String key : List.of("title", "title_en", "tags", "questions", "questions_en", "summary_en")) {
            Object value = meta.get(key);
            if (value instanceof List<?> list) {
                list.forEach(v -> text.append(v).append('\n'));
            } else if (value != null) {
                text.append(value).append('\n');
            }
        }
        text.append(body);
        String id = meta.get("id") == null ? name : String.valueOf(meta.get("id"));
        String title = meta.get("title") == null ? id : String.valueOf(meta.get("title"));
        return new Article(id, title, text.toString());
    }
}
