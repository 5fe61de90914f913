package kefu.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-reads the help center every few seconds so an operator's edit is live without a restart. A broken
 * article keeps the previous index in use and is reported in the log.
 */
public final class KnowledgeWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);

    private final ScheduledExecutorService timer;

    public KnowledgeWatcher(KnowledgeBase knowledge, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knowledge-reload");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (knowledge.reload()) {
                    log.info("knowledge base changed on disk and was reloaded");
                }
            } catch (RuntimeException e) {
                log.warn("knowledge base not reloaded, the previous articles stay in use: {}", e.getMessage());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
