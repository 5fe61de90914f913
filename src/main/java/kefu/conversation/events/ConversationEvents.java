package kefu.conversation.events;

/** Where the core reports what happens in conversations; adapters (counters, metrics) listen. */
public interface ConversationEvents {

    void publish(ConversationEvent event);

    /** For code paths and tests that report to no one. */
    static ConversationEvents none() {
        return event -> { };
    }
}
