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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads {@code bot/intents.yml}: {@code intent-name: [example phrase, ...]}. An unknown intent name stops start-up. */
public final class IntentExamplesLoader {

    public Map<Intent, List<String>> load(BotFiles files) {
        Map<Intent, List<String>> examples = new EnumMap<>(Intent.class);
        for (Resource file : files.bot("intents.yml")) {
            try (InputStream in = file.getInputStream()) {
                Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                if (!(root instanceof Map<?, ?> byIntent)) {
                    throw new IllegalStateException("bot/intents.yml: expected 'intent: [examples]'");
                }
                for (var e : byIntent.entrySet()) {
                    Intent intent = Intent.find(String.valueOf(e.getKey())).orElseThrow(() ->
                            new IllegalStateException("bot/intents.yml: unknown intent '" + e.getKey() + "'"));
                    List<String> phrases = new ArrayList<>();
                    if (e.getValue() instanceof List<?> list) {
                        list.forEach(p -> phrases.add(String.valueOf(p)));
                    }
                    examples.put(intent, phrases);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read bot/intents.yml", ex);
            }
        }
        return examples;
    }
}
