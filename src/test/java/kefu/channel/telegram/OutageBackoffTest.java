package kefu.channel.telegram;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutageBackoffTest {

    @Test
    void waitsDoubleUpToTheCapAndAnOutageStartsAndEndsOnce() {
        OutageBackoff backoff = new OutageBackoff(50, 5_000);
        List<Long> waits = new ArrayList<>();
        List<Boolean> started = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waits.add(backoff.failed(1_000 + i));
            started.add(backoff.justStarted());
        }

        assertThat(waits).containsExactly(50L, 100L, 200L, 400L, 800L, 1_600L, 3_200L, 5_000L, 5_000L, 5_000L);
        assertThat(started).containsOnlyOnce(true).first().isEqualTo(true);
        assertThat(backoff.succeeded(4_000)).isEqualTo(3_000);
        assertThat(backoff.succeeded(5_000)).as("no outage to end").isEqualTo(-1);
        assertThat(backoff.failed(6_000)).as("a new outage starts from the first wait").isEqualTo(50);
    }
}
