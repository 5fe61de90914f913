package kefu.conversation.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Hands each event to every listener in turn. A listener that fails is logged and skipped: reporting must
 * never change or fail the buyer's turn.
 */
public final class FanOutEvents implements ConversationEvents {

    private static final Logger log = LoggerFactory.getLogger(FanOutEvents.class);

    private final List<ConversationEventListener> listeners;

    public FanOutEvents(List<ConversationEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void publish(ConversationEvent event) {
        for (ConversationEventListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                log.warn("event listener {} failed on {}: {}", listener.getClass().getSimpleName(),
                        event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
