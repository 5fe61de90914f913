package kefu.conversation.events;

/** A bean that wants every conversation event (Redis counters, Micrometer). Called on the publishing thread. */
public interface ConversationEventListener {

    void on(ConversationEvent event);
}
