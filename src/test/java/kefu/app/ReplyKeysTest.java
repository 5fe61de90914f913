package kefu.app;

import kefu.conversation.Lang;
import kefu.conversation.ReplyKeyFamily;
import kefu.conversation.ReplyTexts;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every reply key the code can use has a text: keys written out in the sources and pages, and keys built at run
 * time, whose prefixes must be declared as a {@link ReplyKeyFamily} (checked at start-up) or looked up with a
 * fallback ({@code texts.has(...)}).
 */
class ReplyKeysTest extends AppTest {

    /** A key passed to the text lookups: {@code say("shop.status.paid")}, {@code buyerText(lang, "handoff.rate.1", …)}. */
    private static final Pattern LITERAL = Pattern.compile(
            "\\b(?:say|label|buyerText|get|has|getMessage|staffText)\\(\\s*(?:[A-Za-z_.()]+,\\s*)?\"([a-z_]+(?:\\.[a-z0-9_]+)*)\"");
    /** A key built at run time: {@code "shop.status." + status}. */
    private static final Pattern BUILT = Pattern.compile("\"([a-z_]+(?:\\.[a-z0-9_]+)*\\.)\"\\s*\\+");
    private static final Pattern PAGE_KEY = Pattern.compile("#\\{([a-z_]+(?:\\.[a-z0-9_]+)+)");
    /** Built keys looked up with a fallback when there is no text (a category's name, an optional lead line…). */
    private static final Set<String> WITH_FALLBACK = Set.of("shop.category.", "handoff.staff.role.", "handoff.lead.",
            "handoff.staff.reason.", "handoff.staff.ticket_reason.", "small_talk.", "shop.ask_order.",
            "knowledge.button.", "console.series.");
    /** Built strings that are settings or template names, not reply keys. */
    private static final Set<String> NOT_REPLIES = Set.of("kefu.policy.", "kefu.shop.rules.categories.", "policy.", "urge.");

    @Autowired
    ReplyTexts texts;
    @Autowired
    List<ReplyKeyFamily> families;

    @Test
    void everyKeyWrittenInTheCodeOrPagesHasAText() {
        Set<String> namespaces = namespaces();
        Set<String> used = matches(Path.of("src/main/java"), ".java", LITERAL);
        used.retainAll(texts.keys());
        Set<String> missing = new TreeSet<>();
        for (String key : matches(Path.of("src/main/java"), ".java", LITERAL)) {
            if (namespaces.contains(key.split("\\.")[0]) && !texts.has(key)) {
                missing.add(key);
            }
        }
        for (String key : matches(Path.of("src/main/resources/templates"), ".html", PAGE_KEY)) {
            if (!texts.has(key)) {
                missing.add(key);
            }
        }
        assertThat(used).as("the scan finds the keys the code uses").hasSizeGreaterThan(100);
        assertThat(missing).as("keys used in the code without a text in bot/replies").isEmpty();
    }

    @Test
    void everyKeyBuiltAtRunTimeIsCheckedAtStartUpOrHasAFallback() {
        Set<String> declared = families.stream().map(ReplyKeyFamily::prefix).collect(Collectors.toSet());
        Set<String> unchecked = new TreeSet<>(matches(Path.of("src/main/java"), ".java", BUILT));
        unchecked.removeAll(declared);
        unchecked.removeAll(WITH_FALLBACK);
        unchecked.removeAll(NOT_REPLIES);

        assertThat(declared).contains("shop.status.", "handoff.rate.", "telegram.command.", "spam.challenge.choice.");
        assertThat(unchecked).as("built key prefixes neither declared as a ReplyKeyFamily nor looked up with a fallback")
                .isEmpty();
    }

    @Test
    void aMissingTextOfAFamilyStopsStartUpNamingIt() {
        ReplyTexts partial = new ReplyTexts(Map.of("shop.status.paid", Map.of(Lang.ZH, "已支付")));
        List<ReplyKeyFamily> status = List.of(ReplyKeyFamily.of("shop.status.", "paid", "refunded"));

        assertThatThrownBy(() -> new ReplyKeyCheck(partial, status))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shop.status.refunded")
                .hasMessageNotContaining("shop.status.paid");
    }

    @Test
    void textsTheOperatorsFolderLacksComeFromThePackagedCopies() throws IOException {
        Path bot = Files.createTempDirectory("kefu-bot-replies");
        Files.createDirectories(bot.resolve("replies"));
        Files.writeString(bot.resolve("replies/mine.yml"), "greeting:\n  zh: 您好，这里是小店客服\n");

        ReplyTexts loaded = new ReplyTextsLoader().load(new BotFiles(bot, bot.resolve("no-kb")));

        assertThat(loaded.get("greeting", Lang.ZH, Map.of())).isEqualTo("您好，这里是小店客服");
        assertThat(loaded.get("shop.status.paid", Lang.ZH, Map.of()))
                .isEqualTo(texts.get("shop.status.paid", Lang.ZH, Map.of()));
    }

    private Set<String> namespaces() {
        return matches(Path.of("bot/replies"), ".yml", Pattern.compile("(?m)^([a-z_]+)[.:]"));
    }

    private static Set<String> matches(Path dir, String suffix, Pattern pattern) {
        try (Stream<Path> files = Files.walk(dir)) {
            Set<String> found = new TreeSet<>();
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
