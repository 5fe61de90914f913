package kefu.app;

import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** Reads {@code bot/replies/*.yml}: {@code key: {zh: "...", en: "..."}}. A text without Chinese stops start-up. */
public final class ReplyTextsLoader {

    public ReplyTexts load(BotFiles files) {
        Map<String, Map<Lang, String>> all = new HashMap<>();
        for (Resource file : files.bot("replies/*.yml")) {
            readInto(file, all);
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no reply texts found in " + files.botDir() + "/replies");
        }
        return new ReplyTexts(all);
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
