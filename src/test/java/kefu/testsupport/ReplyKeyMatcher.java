package kefu.testsupport;

import kefu.app.BotFiles;
import kefu.app.ReplyTextsLoader;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a text the bot made from a key of {@code bot/replies}, whatever values filled its placeholders:
 * {@code assertThat(reply).matches(fromKey("handoff.queued"))}, or {@code containsPattern(...)} when the reply
 * holds more than that one text. Tests then pin which reply the bot chose, and an operator who rewords a
 * sentence does not break the build.
 */
public final class ReplyKeyMatcher {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)}");

    private final ReplyTexts texts;

    public ReplyKeyMatcher(ReplyTexts texts) {
        this.texts = texts;
    }

    /** The matcher over the reply files the application reads by default ({@code ./bot}). */
    public static ReplyKeyMatcher botFiles() {
        return BotFilesHolder.MATCHER;
    }

    /** The Chinese text of {@code key}, any value in each placeholder. */
    public static Pattern fromKey(String key) {
        return botFiles().pattern(key, Lang.ZH, Map.of());
    }

    public static Pattern fromKey(String key, Lang lang) {
        return botFiles().pattern(key, lang, Map.of());
    }

    /** The Chinese text of {@code key} with the given placeholders filled in and any value in the others. */
    public static Pattern fromKey(String key, Map<String, ?> known) {
        return botFiles().pattern(key, Lang.ZH, known);
    }

    /** The text of {@code key} in {@code lang} as a regular expression; unnamed placeholders match any text. */
    public Pattern pattern(String key, Lang lang, Map<String, ?> known) {
        // Placeholders without a value come back as written, e.g. "{order}".
        String template = texts.get(key, lang, Map.of());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder regex = new StringBuilder();
        int from = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(from, m.start())));
            Object value = known.get(m.group(1));
            regex.append(value == null ? ".*?" : Pattern.quote(value.toString()));
            from = m.end();
        }
        regex.append(Pattern.quote(template.substring(from)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** A text matching any of {@code texts}, e.g. the two ways of telling a buyer their place in the queue. */
    public static Pattern anyOf(Pattern... texts) {
        StringBuilder regex = new StringBuilder();
        for (Pattern p : texts) {
            regex.append(regex.isEmpty() ? "" : "|").append("(?:").append(p.pattern()).append(')');
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The texts one after the other, anything in between: {@code containsPattern(inOrder(a, b))}. */
    public static Pattern inOrder(Pattern... texts) {
        StringBuilder regex = new StringBuilder();
        for (Pattern p : texts) {
            regex.append(regex.isEmpty() ? "" : ".*?").append("(?:").append(p.pattern()).append(')');
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Loaded once: the reply files do not change while the tests run. */
    private static final class BotFilesHolder {
        static final ReplyKeyMatcher MATCHER = new ReplyKeyMatcher(
                new ReplyTextsLoader().load(new BotFiles(Path.of("bot"), Path.of("knowledge-base"))));
    }
}
