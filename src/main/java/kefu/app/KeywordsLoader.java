package kefu.app;

import kefu.conversation.Keywords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code bot/keywords.yml}; a malformed section stops start-up with its name. A file or sections the
 * operator's folder lacks (kept from an older version) come from the copy packaged in the jar, with a warning.
 */
public final class KeywordsLoader {

    private static final Logger log = LoggerFactory.getLogger(KeywordsLoader.class);

    public Keywords load(BotFiles files) {
        List<Resource> found = files.bot("keywords.yml");
        Map<Object, Object> root = new LinkedHashMap<>(found.isEmpty() ? Map.of() : read(found.get(0)));
        if (files.botIsOperators()) {
            Map<?, ?> packaged = read(files.packagedBot("keywords.yml").get(0));
            List<String> missing = packaged.keySet().stream().map(String::valueOf)
                    .filter(k -> !root.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                log.warn("{}/keywords.yml lacks {}; the packaged word lists are used", files.botDir(),
                        String.join(", ", missing));
                missing.forEach(k -> root.put(k, packaged.get(k)));
            }
        }
        Map<String, List<String>> statuses = new LinkedHashMap<>();
        if (!(root.get("ticket-status") instanceof Map<?, ?> byStatus)) {
            throw new IllegalStateException("bot/keywords.yml: section 'ticket-status' is missing");
        }
        byStatus.forEach((status, words) ->
                statuses.put(String.valueOf(status), words(words, "ticket-status." + status)));
        return new Keywords(set(root, "leave-flow"), set(root, "continue-form"), set(root, "leave-queue"),
                words(root.get("complaint"), "complaint"), set(root, "notices-off"), set(root, "notices-on"), statuses);
    }

    private static Map<?, ?> read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(root instanceof Map<?, ?> map)) {
                throw new IllegalStateException("bot/keywords.yml: expected sections of word lists");
            }
            return map;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.getDescription(), e);
        }
    }

    private static Set<String> set(Map<?, ?> root, String section) {
        return new LinkedHashSet<>(words(root.get(section), section));
    }

    private static List<String> words(Object value, String section) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException("bot/keywords.yml: section '" + section + "' needs a list of words");
        }
        return list.stream().map(String::valueOf).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }
}
