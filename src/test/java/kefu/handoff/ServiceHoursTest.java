package kefu.handoff;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(int hour, int minute) {
        return LocalDateTime.of(2026, 11, 26, hour, minute).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aDayShiftIsOpenFromOpeningUntilJustBeforeClosing() {
        ServiceHours hours = new ServiceHours(LocalTime.of(9, 0), LocalTime.of(22, 0), SHANGHAI);

        assertThat(hours.isOpen(at(8, 59))).isFalse();
        assertThat(hours.isOpen(at(9, 0))).isTrue();
        assertThat(hours.isOpen(at(21, 59))).isTrue();
        assertThat(hours.isOpen(at(22, 0))).isFalse();
    }

    @Test
    void closingAtMidnightCoversTheWholeEvening() {
        ServiceHours hours = new ServiceHours(LocalTime.of(9, 0), LocalTime.MIDNIGHT, SHANGHAI);

        assertThat(hours.isOpen(at(23, 59))).isTrue();
        assertThat(hours.isOpen(at(0, 30))).isFalse();
    }

    @Test
    void anOvernightShiftWrapsPastMidnight() {
        ServiceHours hours = new ServiceHours(LocalTime.of(20, 0), LocalTime.of(4, 0), SHANGHAI);

        assertThat(hours.isOpen(at(23, 0))).isTrue();
        assertThat(hours.isOpen(at(3, 59))).isTrue();
        assertThat(hours.isOpen(at(12, 0))).isFalse();
    }

    @Test
    void equalTimesMeanAroundTheClock() {
        ServiceHours hours = new ServiceHours(LocalTime.of(0, 0), LocalTime.of(0, 0), SHANGHAI);

        assertThat(hours.isOpen(at(3, 0))).isTrue();
    }
}
