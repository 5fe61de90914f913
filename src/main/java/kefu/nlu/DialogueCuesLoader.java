package kefu.nlu;

import kefu.app.BotFiles;
import kefu.conversation.Intent;
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

    /** Sections other methods read, not {@link #load}. */
    private static final java.util.Set<String> READ_ELSEWHERE =
            java.util.Set.of("asks", "demands", "action-words", "progress", "bind-request", "unbind-request",
                    "not-a-product", "proof-words", "product-question", "product-words", "injection", "where",
                    "where-filler", "price", "spent", "elapsed", "waited", "threshold", "hour-units", "day-units");

    public DialogueCues load(BotFiles files) {
        Map<String, List<String>> smallTalk = new LinkedHashMap<>();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        Map<String, List<String>> followUps = new LinkedHashMap<>();
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        List<String> confirm = new ArrayList<>();
        List<String> filler = new ArrayList<>();
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
                    } else if ("filler".equals(name)) {
                        filler.addAll(strings(e.getValue()));
                    } else if ("confirm".equals(name)) {
                        confirm.addAll(strings(e.getValue()));
                    } else if ("follow-up".equals(name) && e.getValue() instanceof Map<?, ?> kinds) {
                        kinds.forEach((k, v) -> followUps.put(String.valueOf(k), strings(v)));
                    } else if (!READ_ELSEWHERE.contains(name)) {
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
                lists.getOrDefault("person-questions", List.of()), filler);
    }

    /**
     * "Do you sell X?": the {@code product-question} patterns, the {@code product-words} and the {@code categories}
     * of {@code bot/dialogue.yml}; {@code sold} are the categories the shop has rules for.
     */
    public ProductQuestions productQuestions(BotFiles files, java.util.Set<String> sold) {
        List<String> patterns = new ArrayList<>();
        List<String> generic = new ArrayList<>();
        List<String> notProduct = new ArrayList<>();
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
                    } else if ("not-a-product".equals(name)) {
                        notProduct.addAll(strings(e.getValue()));
                    } else if ("categories".equals(name) && e.getValue() instanceof Map<?, ?> kinds) {
                        kinds.forEach((k, v) -> categories.put(String.valueOf(k), strings(v)));
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read bot/dialogue.yml", ex);
            }
        }
        return new ProductQuestions(patterns, generic, notProduct, categories, sold);
    }

    /**
     * The {@code asks}, {@code demands}, {@code action-words}, {@code progress}, {@code bind-request} and
     * {@code unbind-request} sections of {@code bot/dialogue.yml}; each is required.
     */
    public IntentCues intentCues(BotFiles files) {
        Map<String, Object> sections = DialogueFile.sections(files);
        Map<Intent, CuePatterns> actions = new java.util.EnumMap<>(Intent.class);
        if (!(DialogueFile.required(sections, "action-words") instanceof Map<?, ?> byIntent)) {
            throw new IllegalStateException("bot/dialogue.yml: action-words: expected 'intent: [words]'");
        }
        byIntent.forEach((k, v) -> {
            String entry = "action-words." + k;
            Intent intent = Intent.find(String.valueOf(k)).orElseThrow(() ->
                    new IllegalStateException("bot/dialogue.yml: " + entry + ": unknown intent '" + k + "'"));
            actions.put(intent, CuePatterns.of(DialogueFile.patterns(entry, v)));
        });
        return new IntentCues(cues(sections, "asks"),
                cues(sections, "demands"), actions,
                cues(sections, "progress"),
                cues(sections, "bind-request"),
                cues(sections, "unbind-request"));
    }

    private static CuePatterns cues(Map<String, Object> sections, String name) {
        return CuePatterns.of(DialogueFile.patterns(name, DialogueFile.required(sections, name)));
    }

    /**
     * The {@code proof-words} section: {@code last-digits} and {@code password}, each pattern with a group
     * {@code proof}.
     */
    public ProofWords proofWords(BotFiles files) {
        if (!(DialogueFile.required(DialogueFile.sections(files), "proof-words") instanceof Map<?, ?> kinds)) {
            throw new IllegalStateException("bot/dialogue.yml: proof-words: expected last-digits and password");
        }
        return new ProofWords(proofPatterns(kinds, "last-digits"), proofPatterns(kinds, "password"));
    }

    private static List<Pattern> proofPatterns(Map<?, ?> kinds, String kind) {
        String entry = "proof-words." + kind;
        Object value = kinds.get(kind);
        if (value == null) {
            throw new IllegalStateException("bot/dialogue.yml: " + entry + " is missing");
        }
        List<Pattern> out = DialogueFile.patterns(entry, value);
        out.forEach(p -> {
            if (!p.pattern().contains("(?<proof>")) {
                throw new IllegalStateException("bot/dialogue.yml: " + entry + ": '" + p.pattern()
                        + "' has no group (?<proof>...) for the proof itself");
            }
        });
        return out;
    }

    static void check(String section, String pattern) {
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
