package kefu.channel.telegram;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code kefu_telegram_send_queue_depth{chat="group|private"}}: messages waiting in the send queues of all
 * instances, read from Redis at each scrape (NaN while it is down). A growing {@code group} figure is the staff
 * desk falling behind Telegram's 20 posts a minute per group. No chat id in the labels.
 */
public final class SendQueueGauge {

    public SendQueueGauge(OutboundQueue queue, MeterRegistry meters) {
        register(queue, meters, true);
        register(queue, meters, false);
    }

    private static void register(OutboundQueue queue, MeterRegistry meters, boolean groups) {
        Gauge.builder("kefu.telegram.send.queue.depth", queue, q -> {
                    try {
                        return q.depth(groups);
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .tag("chat", groups ? "group" : "private")
                .description("Messages waiting to be sent to Telegram (groups: mostly the staff desk)")
                .register(meters);
    }
}
