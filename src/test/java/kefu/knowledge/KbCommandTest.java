package kefu.knowledge;

import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
