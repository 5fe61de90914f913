package kefu.shop;

import java.time.Instant;

/**
 * The shop's answer to an urge. Accepted: {@code expectedBy} is when staff will have handled it.
 * Refused: {@code reason} is {@code too_early}, {@code too_soon} (inside the gap) or {@code not_urgeable}
 * (status), and {@code nextAllowedAt} says when it becomes possible (null when it never will).
 */
public record UrgeResult(boolean accepted, String reason, Instant nextAllowedAt, Instant expectedBy, int urgeCount) {
}
