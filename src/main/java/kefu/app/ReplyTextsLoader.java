package kefu.app;

import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code bot/replies/*.yml}: {@code key: {zh: "...", en: "..."}}. A text without Chinese stops start-up.
 * Texts the operator's folder lacks (kept from an older version, or deleted by mistake) are taken from the copies
 * packaged in the jar, with a warning that names them: a buyer never meets a missing text.
 */
public final class ReplyTextsLoader {

    private static final Logger log = LoggerFactory.getLogger(ReplyTextsLoader.class);

    public ReplyTexts load(BotFiles files) {
        Map<String, Map<Lang, String>> all = read(files.bot("replies/*.yml"));
        if (all.isEmpty()) {
            throw new IllegalStateException("no reply texts found in " + files.botDir() + "/replies");
        }
        if (files.botIsOperators()) {
            Map<String, Map<Lang, String>> packaged = read(files.packagedBot("replies/*.yml"));
            Set<String> missing = new TreeSet<>(packaged.keySet());
            missing.removeAll(all.keySet());
            if (!missing.isEmpty()) {
                log.warn("{}/replies lacks {} text(s) this version uses; the packaged wording is used for: {}",
                        files.botDir(), missing.size(), String.join(", ", missing));
                missing.forEach(key -> all.put(key, packaged.get(key)));
            }
        }
        return new ReplyTexts(all);
    }

    private Map<String, Map<Lang, String>> read(List<Resource> files) {
        Map<String, Map<Lang, String>> all = new HashMap<>();
        for (Resource file : files) {
            readInto(file, all);
        }
        return all;
    }

    private void readInto(Resource file, Map<String, Map<Lang, String>> all) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (InputStream in = file.getInputStream()) {
            Object root = yaml.load(in);
            if (!(root instanceof Map<?, ?> entries)) {
                throw new IllegalStateException(file.getFilename() + ": expected 'key: {zh: ..., en: ...}' entries");
            }
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof Map<?, ?> byLang) || byLang.get("zh") == null) {
                    throw new IllegalStateException(file.getFilename() + ": reply '" + key + "' needs a zh text");
                }
                if (all.containsKey(key)) {
                    throw new IllegalStateException(file.getFilename() + ": reply '" + key + "' is defined twice");
                }
                Map<Lang, String> texts = new EnumMap<>(Lang.class);
                texts.put(Lang.ZH, String.valueOf(byLang.get("zh")).strip());
                if (byLang.get("en") != null) {
                    texts.put(Lang.EN, String.valueOf(byLang.get("en")).strip());
                }
                all.put(key, texts);
            }
        } catch (IOException ex) {
            throw new IllegalStateException("cannot read " + file.getDescription(), ex);
        }
    }
}
