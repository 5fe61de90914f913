package kefu.nlu;

import kefu.app.BotFiles;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code bot/dialogue.yml}; a bad regular expression stops start-up with the file and entry named. */
public final class DialogueCuesLoader {

    public DialogueCues load(BotFiles files) {
        Map<String, List<String>> smallTalk = new LinkedHashMap<>();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        Map<String, List<String>> followUps = new LinkedHashMap<>();
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        List<String> confirm = new ArrayList<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (Resource file : files.bot("dialogue.yml")) {
            try (InputStream in = file.getInputStream()) {
                Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                if (!(root instanceof Map<?, ?> sections)) {
                    throw new IllegalStateException("bot/dialogue.yml: expected sections small-talk, identity, person, ...");
                }
                for (var e : sections.entrySet()) {
                    String name = String.valueOf(e.getKey());
                    if ("small-talk".equals(name) && e.getValue() instanceof Map<?, ?> kinds) {
                        kinds.forEach((k, v) -> smallTalk.put(String.valueOf(k), strings(v)));
                    } else if ("categories".equals(name) && e.getValue() instanceof Map<?, ?> kinds) {
                        kinds.forEach((k, v) -> categories.put(String.valueOf(k), strings(v)));
                    } else if ("after-sales-reasons".equals(name) && e.getValue() instanceof Map<?, ?> kinds) {
                        kinds.forEach((k, v) -> reasons.put(String.valueOf(k), strings(v)));
                    } else if ("confirm".equals(name)) {
                        confirm.addAll(strings(e.getValue()));
                    } else if ("follow-up".equals(name) && e.getValue() instanceof Map<?, ?> kinds) {
                        kinds.forEach((k, v) -> followUps.put(String.valueOf(k), strings(v)));
                    } else {
                        List<String> patterns = strings(e.getValue());
                        patterns.forEach(p -> check(name, p));
                        lists.put(name, patterns);
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read bot/dialogue.yml", ex);
            }
        }
        return new DialogueCues(smallTalk, lists.getOrDefault("identity", List.of()), lists.getOrDefault("person", List.of()),
                lists.getOrDefault("negation", List.of()), lists.getOrDefault("anger", List.of()),
                lists.getOrDefault("urgency", List.of()), lists.getOrDefault("also", List.of()),
                lists.getOrDefault("mine", List.of()), categories, followUps, reasons, confirm,
                lists.getOrDefault("person-questions", List.of()));
    }

    /**
     * "Do you sell X?": the {@code product-question} patterns, the {@code product-words} and the {@code categories}
     * of {@code bot/dialogue.yml}; {@code sold} are the categories the shop has rules for.
     */
    public ProductQuestions productQuestions(BotFiles files, java.util.Set<String> sold) {
        List<String> patterns = new ArrayList<>();
        List<String> generic = new ArrayList<>();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        for (Resource file : files.bot("dialogue.yml")) {
            try (InputStream in = file.getInputStream()) {
                Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                if (!(root instanceof Map<?, ?> sections)) {
                    continue;
                }
                for (var e : sections.entrySet()) {
                    String name = String.valueOf(e.getKey());
                    if ("product-question".equals(name)) {
                        strings(e.getValue()).forEach(p -> {
                            check(name, p);
                            if (!p.contains("(?<thing>")) {
                                throw new IllegalStateException("bot/dialogue.yml: product-question: '" + p
                                        + "' has no group (?<thing>...) for the product asked about");
                            }
                            patterns.add(p);
                        });
                    } else if ("product-words".equals(name)) {
                        generic.addAll(strings(e.getValue()));
                    } else if ("categories".equals(name) && e.getValue() instanceof Map<?, ?> kinds) {
                        kinds.forEach((k, v) -> categories.put(String.valueOf(k), strings(v)));
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read bot/dialogue.yml", ex);
            }
        }
        return new ProductQuestions(patterns, generic, categories, sold);
    }

    private static void check(String section, String pattern) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("bot/dialogue.yml: " + section + ": bad pattern '" + pattern + "': "
                    + e.getDescription());
        }
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }
}
