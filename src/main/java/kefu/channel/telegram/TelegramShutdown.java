package kefu.channel.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.Lifecycle;
import org.springframework.context.Phased;

/**
 * Stops the bot first when the application stops (SIGTERM): polling ends and the updates in hand are
 * finished while Redis and the Telegram client still work. Redis stops in an earlier-numbered phase, so later.
 * Updates not yet started stay queued in Redis for the next instance. A plain {@link Lifecycle}, made only when the
 * bot starts: the application's stop then stops it, and a command that never started the bot makes neither.
 */
public final class TelegramShutdown implements Lifecycle, Phased {

    private static final Logger log = LoggerFactory.getLogger(TelegramShutdown.class);

    private final TelegramBot bot;
    private volatile boolean running = true;

    public TelegramShutdown(TelegramBot bot) {
        this.bot = bot;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        try {
            bot.close();
        } catch (Exception e) {
            log.warn("stopping the Telegram bot: {}", e.toString());
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
