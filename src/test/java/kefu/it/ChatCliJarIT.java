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
    void jsonChatAnswersAGreetingWithItsOwnRedisAndKeepsStateAcrossRuns() throws Exception {
        Path workDir = Files.createTempDirectory("kefu-bare");
        String input = "{\"user\":\"a\",\"text\":\"你好\"}\n{\"user\":\"a\",\"id\":\"once\",\"text\":\"hello\"}\n";

        PackagedJar.Run first = PackagedJar.run(List.of("chat", "--json"), input, workDir, Map.of());
        PackagedJar.Run second = PackagedJar.run(List.of("chat", "--json"),
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
}
