package kefu.session;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code kefu.session.*}: how long an idle conversation is kept, how long a message id is remembered,
 * how long one turn may hold a conversation, how many turns of history are kept, and the flood limit
 * (at most {@code floodMaxTurns} turns of one buyer per {@code floodWindow}). A buyer who goes over the flood
 * limit {@code floodStrikes} times within {@code floodStrikeWindow} is banned for {@code floodBan} (0 strikes: never).
 */
@Validated
@ConfigurationProperties("kefu.session")
public record SessionProperties(@NotNull Duration idleTtl, @NotNull Duration dedupeTtl, @NotNull Duration lease,
                                @NotNull Duration turnWait, @Min(1) int historySize,
                                @NotNull Duration floodWindow, @Min(1) int floodMaxTurns, @Min(0) int floodStrikes,
                                @NotNull Duration floodStrikeWindow, @NotNull Duration floodBan) {
}
