package kefu.conversation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's wording, per key and language, as the operator wrote it in {@code bot/replies/*.yml}.
 * Placeholders look like {@code {order}}; English falls back to Chinese where the operator wrote none.
 */
public final class ReplyTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)}");

    private final Map<String, Map<Lang, String>> texts;

    public ReplyTexts(Map<String, Map<Lang, String>> texts) {
        this.texts = Map.copyOf(texts);
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    public java.util.Set<String> keys() {
        return texts.keySet();
    }

    public String get(String key, Lang lang, Map<String, ?> vars) {
        Map<Lang, String> byLang = texts.get(key);
        if (byLang == null) {
            throw new IllegalArgumentException("no reply text for key '" + key + "' in bot/replies");
        }
        String template = byLang.getOrDefault(lang, byLang.get(Lang.ZH));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = vars.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
