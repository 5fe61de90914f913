package kefu.shop.notices;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code kefu.shop.notices.*}: telling a buyer, once, when an order they looked up or urged while it was undelivered
 * is delivered or fails. The shop is asked again after {@code firstCheck}, then with the gap doubling up to
 * {@code maxGap}, for at most {@code watchFor} per order; at most {@code maxWatched} orders are watched at once.
 *
 * @param sweepEvery how often due checks run; 0 turns notices off
 * @param batch      checks per sweep at most, so a sweep never floods the shop
 */
@ConfigurationProperties("kefu.shop.notices")
public record NoticeProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2m") Duration firstCheck,
                               @DefaultValue("30m") Duration maxGap, @DefaultValue("24h") Duration watchFor,
                               @DefaultValue("2000") int maxWatched, @DefaultValue("30s") Duration sweepEvery,
                               @DefaultValue("20") int batch) {
}
