package kefu.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's promise on a bare machine: no Redis configured, the jar starts its own and answers. */
class ChatCliJarIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jsonChatAnswersAGreetingWithItsOwnRedisAndANamedSessionContinuesAcrossRuns() throws Exception {
        Path workDir = Files.createTempDirectory("kefu-bare");
        String input = "{\"user\":\"a\",\"text\":\"你好\"}\n{\"user\":\"a\",\"id\":\"once\",\"text\":\"hello\"}\n";

        PackagedJar.Run first = PackagedJar.run(List.of("chat", "--json", "--session", "s1"), input, workDir, Map.of());
        PackagedJar.Run second = PackagedJar.run(List.of("chat", "--json", "--session", "s1"),
                "{\"user\":\"a\",\"id\":\"once\",\"text\":\"hello\"}\n", workDir, Map.of());

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).hasSize(2);
        JsonNode greeting = json.readTree(first.stdout().get(0));
        assertThat(greeting.get("intent").asText()).isEqualTo("greeting");
        assertThat(first.stderr()).contains("started embedded Redis");
        assertThat(second.stdout()).hasSize(1);
        assertThat(json.readTree(second.stdout().get(0)).get("duplicate").asBoolean())
                .as("the embedded Redis kept the first run's data").isTrue();
        System.out.printf("chat --json: 2 turns in %d ms including start-up%n", first.millis());
    }

    @Test
    void theJarCopiedWithoutItsLibrariesSaysWhatIsMissing() throws Exception {
        Path alone = Files.createTempDirectory("kefu-jar-alone").resolve("kefu-bot.jar");
        Files.copy(PackagedJar.JAR, alone);
        Process p = new ProcessBuilder("java", "-jar", alone.toString(), "chat", "--json")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(output).isEqualTo(2);
        assertThat(output).contains("libraries are missing", "lib/").doesNotContain("Exception");
    }

    @Test
    void eachRunWithoutASessionStartsEveryUserFresh() throws Exception {
        Path workDir = Files.createTempDirectory("kefu-runs");
        String ask = "{\"user\":\"eval-1\",\"text\":\"转人工\"}\n";
        String greet = "{\"user\":\"eval-1\",\"text\":\"你好\"}\n";

        PackagedJar.Run handedOver = PackagedJar.run(List.of("chat", "--json"), ask, workDir, Map.of());
        PackagedJar.Run nextRun = PackagedJar.run(List.of("chat", "--json"), greet, workDir, Map.of());

        assertThat(json.readTree(handedOver.stdout().get(0)).get("intent").asText()).isEqualTo("human_handoff");
        assertThat(json.readTree(nextRun.stdout().get(0)).get("intent").asText())
                .as("the earlier run's handover does not follow the user into a new run").isEqualTo("greeting");
    }
}
