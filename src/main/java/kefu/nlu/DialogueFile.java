package kefu.nlu;

import kefu.app.BotFiles;
import org.slf4j.LoggerFactory;
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

/** Sections of {@code bot/dialogue.yml} for the loaders of each capability; errors name the file and entry. */
public final class DialogueFile {

    private DialogueFile() {
    }

    /**
     * All sections of bot/dialogue.yml by name. Sections the operator's file lacks (kept from an older version)
     * come from the copy packaged in the jar, with a warning naming them.
     */
    public static Map<String, Object> sections(BotFiles files) {
        Map<String, Object> sections = read(files.bot("dialogue.yml"));
        if (files.botIsOperators()) {
            Map<String, Object> packaged = read(files.packagedBot("dialogue.yml"));
            List<String> missing = packaged.keySet().stream().filter(k -> !sections.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                LoggerFactory.getLogger(DialogueFile.class).warn("{}/dialogue.yml lacks section(s) {}; the packaged "
                        + "ones are used", files.botDir(), String.join(", ", missing));
                missing.forEach(k -> sections.put(k, packaged.get(k)));
            }
        }
        return sections;
    }

    private static Map<String, Object> read(List<Resource> found) {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (Resource file : found) {
            try (InputStream in = file.getInputStream()) {
                if (new Yaml(new SafeConstructor(new LoaderOptions())).load(in) instanceof Map<?, ?> root) {
                    root.forEach((k, v) -> sections.put(String.valueOf(k), v));
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read bot/dialogue.yml", ex);
            }
        }
        return sections;
    }

    public static Object required(Map<String, Object> sections, String name) {
        Object value = sections.get(name);
        if (value == null) {
            throw new IllegalStateException("bot/dialogue.yml: section '" + name + "' is missing");
        }
        return value;
    }

    /** A list of regular expressions, matched ignoring case; a bad one names its section and itself. */
    public static List<Pattern> patterns(String section, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException("bot/dialogue.yml: " + section + ": expected a list of patterns");
        }
        List<Pattern> out = new ArrayList<>();
        for (Object p : list) {
            String pattern = String.valueOf(p);
            DialogueCuesLoader.check(section, pattern);
            out.add(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return out;
    }


    /** A list of words; an empty or missing one names its section. */
    public static List<String> words(String section, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException("bot/dialogue.yml: " + section + ": expected a list of words");
        }
        return list.stream().map(String::valueOf).toList();
    }
}
