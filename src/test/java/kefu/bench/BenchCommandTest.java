package kefu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps {@code bench --quick} from rotting: a very short run prints its table and writes its files. */
@SpringBootTest(properties = {"kefu.command-runner.enabled=false", "kefu.bench.count-redis=true"})
class BenchCommandTest {

    private static final String PREFIX = RealRedis.freshPrefix();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("kefu.redis.url", RealRedis::url);
        registry.add("kefu.redis.key-prefix", () -> PREFIX);
    }

    @Autowired
    BenchCommand bench;

    @Autowired
    ObjectMapper json;

    @Test
    void quickBenchPrintsItsTableAndCountsRedisRoundTrips() throws Exception {
        Path out = RealRedis.tempDir("kefu-bench");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = bench.run(BenchCommand.BenchOptions.parse(List.of("--quick", "--seconds", "0.3",
                "--out", out.toString())), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(table).isZero();
        assertThat(table).contains("Throughput (closed loop", "Latency at a fixed offered load",
                "Redis round trips per turn", "Memory: peak RSS", "Targets:");
        JsonNode results = json.readTree(out.resolve("results.json").toFile());
        assertThat(results.get("closedLoop")).hasSize(3);
        assertThat(results.get("closedLoop").get(0).get("turnsPerSecond").asDouble()).isPositive();
        assertThat(results.get("openLoop").get(1).get("offeredPerSecond").asDouble()).isEqualTo(50.0);
        assertThat(results.at("/redis/roundTripsPerTurn").asDouble())
                .as("every turn reads and saves its conversation").isBetween(1.0, 10.0);
        assertThat(results.at("/turnsByCategory/howto").asLong())
                .isGreaterThan(results.at("/turnsByCategory/greeting_chitchat").asLong());
        assertThat(Files.readString(out.resolve("latency.svg"))).startsWith("<svg").contains("p99");
    }
}
