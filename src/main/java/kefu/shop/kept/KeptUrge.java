package kefu.shop.kept;

import java.time.Instant;

/** An order buyers urged, as the bot keeps it: who urged last, how often, and when last. */
public record KeptUrge(String orderNo, String chatUser, int count, Instant last) {
}
