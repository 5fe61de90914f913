package kefu.channel.telegram;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code kefu.telegram.outbox.*}: the send queues. Update handling only queues messages; {@code senders}
 * threads post them as Telegram's limits allow.
 *
 * @param senders      threads posting queued messages (each chat is posted to by one at a time)
 * @param groupReserve slots of a group's per-minute window buyer relays and cards leave free, so staff commands'
 *                     answers do not wait behind them
 * @param globalReserve slots of the overall per-second window that staff-group posts and receipts leave free, so
 *                     a buyer's answer never waits behind them
 * @param relayCap     relays waiting per staff topic at most; more are left to the transcript
 * @param groupCap     replies waiting per group chat at most (the bot cannot answer a busy group faster)
 * @param mergeMax     relays merged into one post at most
 * @param poll         how often the queues are checked for chats whose window has opened
 */
@Validated
@ConfigurationProperties("kefu.telegram.outbox")
public record OutboxProperties(@Min(1) int senders, @Min(0) int groupReserve, @Min(0) int globalReserve,
                               @Min(1) int relayCap, @Min(1) int groupCap, @Min(1) int mergeMax,
                               @NotNull Duration poll) {
}
