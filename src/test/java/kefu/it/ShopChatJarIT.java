package kefu.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.SandboxFixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;


/** The order flows in {@code chat --json} from the packaged jar, against its in-process sandbox shop over HTTP. */
class ShopChatJarIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void lookupUrgeAndAfterSalesWorkFromTheJar() throws Exception {
        Path workDir = Files.createTempDirectory("kefu-shop-it");
        Path shot = SandboxFixtures.png();
        String input = String.join("\n",
                "{\"user\":\"a\",\"text\":\"你好\"}",
                "{\"user\":\"a\",\"button\":\"intent:order_status\"}",
                "{\"user\":\"a\",\"text\":\"K2026112400002\"}",
                "{\"user\":\"a\",\"text\":\"5678\"}",
                "{\"user\":\"a\",\"button\":\"pick:urge:K2026112400002\"}",
                "{\"user\":\"c\",\"text\":\"你好\"}",
                "{\"user\":\"c\",\"button\":\"intent:after_sales\"}",
                "{\"user\":\"c\",\"text\":\"K2026112400019\"}",
                "{\"user\":\"c\",\"text\":\"buyer19@example.com\"}",
                "{\"user\":\"c\",\"button\":\"as:reason:not_working\"}",
                "{\"user\":\"c\",\"text\":\"兑换码提示无效\"}",
                "{\"user\":\"c\",\"photo\":\"" + shot.toString().replace("\\", "\\\\") + "\"}",
                "{\"user\":\"c\",\"button\":\"as:submit\"}") + "\n";

        PackagedJar.Run run = PackagedJar.run(List.of("chat", "--json"), input, workDir, Map.of());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.stdout()) {
            out.add(json.readTree(line));
        }
        assertThat(out).hasSize(13);
        assertThat(out.get(3).toString()).contains("138****5678").contains("pick:urge:K2026112400002");
        assertThat(out.get(4).get("intent").asText()).isEqualTo("urge_order");
        assertThat(replies(out.get(4))).containsPattern(fromKey("shop.urge.accepted", Map.of("order", "K2026112400002")));
        assertThat(replies(out.get(11)))
                .containsPattern(fromKey("shop.as.review", Map.of("order", "K2026112400019", "photos", 1)));
        assertThat(replies(out.get(12)))
                .containsPattern(fromKey("shop.as.filed", Map.of("order", "K2026112400019", "min", 24, "max", 48)));
        assertThat(out.get(12).get("flow").isNull()).isTrue();
        System.out.printf("chat --json: 13 order turns in %d ms including start-up%n", run.millis());
    }

    private static String replies(JsonNode turn) {
        List<String> texts = new ArrayList<>();
        turn.get("replies").forEach(r -> texts.add(r.get("text").asText()));
        return String.join("\n", texts);
    }
}
