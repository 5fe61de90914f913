package kefu.nlu;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class CuePatternsTest {

    private static final List<String> PATTERNS = List.of("转人工", "骗子", "(找|要)(个)?(人工|真人)", "scam",
            "never ?mind", "[!！]{2,}");

    @Test
    void findsWhatTheExpressionsFind() {
        List<Pattern> compiled = PATTERNS.stream()
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
        CuePatterns cues = CuePatterns.of(compiled);
        for (String text : List.of("帮我转人工", "转 人工", "你们是骗子吗", "我要个真人", "SCAM!", "Never Mind",
                "什么！！", "骗", "转人工", "好的", "")) {
            boolean found = compiled.stream().anyMatch(p -> p.matcher(text).find());
            boolean whole = compiled.stream().anyMatch(p -> p.matcher(text).matches());
            assertThat(cues.foundIn(text)).as(text).isEqualTo(found);
            assertThat(cues.matchesAll(text)).as(text).isEqualTo(whole);
        }
    }

    @Test
    void onlyPlainChineseWordsSkipTheRegularExpression() {
        assertThat(CuePatterns.chineseWord("转人工")).isTrue();
        assertThat(CuePatterns.chineseWord("转人工?")).isFalse();
        assertThat(CuePatterns.chineseWord("(找|要)人工")).isFalse();
        assertThat(CuePatterns.chineseWord("scam")).isFalse();
        assertThat(CuePatterns.chineseWord("")).isFalse();
    }
}
