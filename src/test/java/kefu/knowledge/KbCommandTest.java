package kefu.knowledge;

import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KbCommandTest extends AppTest {

    @Autowired
    KbCommand kb;

    @Test
    void kbTestPrintsTheRankedArticlesWithScoresAndTheAnswer() throws Exception {
        String out = capture(() -> assertThat(kb.run(List.of("test", "話費多久到賬"))).isZero());

        assertThat(out).contains("intent: faq").contains("rank  score");
        assertThat(out.lines().filter(l -> l.matches("\\s+1\\s+0\\.\\d{3}.*"))).singleElement()
                .asString().contains("topup-arrival-time");
        assertThat(out).contains("answer: ANSWER").contains("10分钟").contains("[source: topup-arrival-time]");
    }

    /** Runs in {@code mvn verify}: a help center that states a made-up rule does not ship. */
    @Test
    void kbLintPassesOnTheShippedHelpCenter() throws Exception {
        String out = capture(() -> assertThat(kb.run(List.of("lint"))).isZero());

        assertThat(out.lines().filter(l -> l.contains(": error: "))).isEmpty();
        assertThat(out).containsPattern("kb lint: \\d+ articles, 0 errors, \\d+ warnings - ok");
    }

    @Test
    void kbLintFailsOnAPlantedMadeUpNumberNamingFileAndLine(@TempDir Path dir) throws Exception {
        copyHelpCenter(dir);
        Path article = dir.resolve("assets-balance-coupons-points.md");
        Files.writeString(article, Files.readString(article) + "- 积分有效期为12个月，到期自动清零。\n");
        int line = (int) Files.readString(article).lines().count();

        String out = capture(() -> assertThat(kb.run(List.of("lint", dir.toString()))).isEqualTo(1));

        assertThat(out).contains(article + ":" + line + ": error: \"12个月\"");
        assertThat(out).containsPattern("kb lint: \\d+ articles, 1 errors");
    }

    @Test
    void kbLintStrictAlsoFailsWhileProfileValuesAreNotFilledIn() throws Exception {
        String out = capture(() -> assertThat(kb.run(List.of("lint", "--strict"))).isEqualTo(1));

        assertThat(out).contains(": warning: kefu.policy.");
    }

    @Test
    void kbLintOfAFolderThatDoesNotExistIsAUsageError() throws Exception {
        assertThat(kb.run(List.of("lint", "no-such-folder"))).isEqualTo(2);
    }

    private static void copyHelpCenter(Path to) throws Exception {
        try (Stream<Path> articles = Files.list(Path.of("knowledge-base"))) {
            for (Path a : articles.toList()) {
                Files.copy(a, to.resolve(a.getFileName()));
            }
        }
    }

    @Test
    void kbWithoutAVerbExplainsItsUsage() throws Exception {
        assertThat(kb.run(List.of())).isEqualTo(2);
    }

    private static String capture(ThrowingRunnable body) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
