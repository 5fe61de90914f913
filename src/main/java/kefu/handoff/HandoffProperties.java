package kefu.handoff;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code kefu.handoff.*}: when staff are at work, how the queue is watched and who counts as staff.
 *
 * @param serviceOpens   start of the staff's working day in the shop's time zone, {@code HH:mm}
 * @param serviceCloses  end of it, {@code HH:mm} ({@code 24:00} for midnight; earlier than opens = overnight;
 *                       equal to opens = around the clock)
 * @param waitPerBuyer   expected handling time per buyer ahead in the queue, for the wait the buyer is told
 * @param remindAfter    a queued buyer waiting this long is brought to the staff's attention again (once)
 * @param idleClose      a conversation staff took over closes by itself after this long without a message
 * @param sweepEvery     how often reminders and idle closes are checked; {@code 0} turns the sweeper off
 * @param onlyStaffIds   when non-empty, only these ids may act as staff, even inside the staff group (narrows)
 * @param staffIds       the former name of {@code onlyStaffIds}, still read; both lists are joined
 * @param staffAliases   staff id to the name buyers see under staff messages
 * @param defaultAlias   name used for staff without an alias
 * @param transcriptSize lines kept per conversation transcript
 * @param transcriptTtl  how long a transcript is kept after its last line
 * @param cardTurns      transcript lines shown on the summary card and on takeover
 */
@Validated
@ConfigurationProperties("kefu.handoff")
public record HandoffProperties(@NotNull @Pattern(regexp = TIME) String serviceOpens,
                                @NotNull @Pattern(regexp = TIME) String serviceCloses,
                                @NotNull Duration waitPerBuyer, @NotNull Duration remindAfter,
                                @NotNull Duration idleClose, @NotNull Duration sweepEvery,
                                List<String> onlyStaffIds, @Deprecated List<String> staffIds,
                                Map<String, String> staffAliases,
                                @NotBlank String defaultAlias, @Min(10) int transcriptSize,
                                @NotNull Duration transcriptTtl, @Min(1) int cardTurns) {

    static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d|24:00";

    public HandoffProperties {
        onlyStaffIds = Stream.concat(onlyStaffIds == null ? Stream.of() : onlyStaffIds.stream(),
                        staffIds == null ? Stream.of() : staffIds.stream())
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        staffIds = onlyStaffIds;
        staffAliases = staffAliases == null ? Map.of() : Map.copyOf(staffAliases);
    }

    public LocalTime opens() {
        return time(serviceOpens);
    }

    /** {@code 24:00} reads as midnight. */
    public LocalTime closes() {
        return time(serviceCloses);
    }

    public String aliasOf(String staffId) {
        return staffAliases.getOrDefault(staffId, defaultAlias);
    }

    private static LocalTime time(String hhmm) {
        return "24:00".equals(hhmm) ? LocalTime.MIDNIGHT : LocalTime.parse(hhmm);
    }
}
