package kefu.app;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ServingOnlyPartsTest {

    private static final String[] CANDIDATES = {
            "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.beans.BeansEndpointAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
            null};

    @Test
    void aShortCommandKeepsOnlyWhatTheBotUsesWithoutAWebServer() {
        assertThat(filter(true).match(CANDIDATES, null))
                .containsExactly(false, false, false, true, true, true, true, true);
    }

    @Test
    void aServingCommandKeepsEverything() {
        assertThat(filter(false).match(CANDIDATES, null)).containsOnly(true);
    }

    private static ServingOnlyParts filter(boolean shortCommand) {
        ServingOnlyParts parts = new ServingOnlyParts();
        MockEnvironment env = new MockEnvironment();
        if (shortCommand) {
            env.setProperty(ServingOnlyParts.SHORT_COMMAND, "true");
        }
        parts.setEnvironment(env);
        return parts;
    }
}
