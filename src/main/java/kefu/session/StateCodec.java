package kefu.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON form of the conversation state. A document that no longer parses starts the conversation over. */
public final class StateCodec {

    private static final Logger log = LoggerFactory.getLogger(StateCodec.class);

    private final ObjectMapper json;

    public StateCodec(ObjectMapper json) {
        this.json = json;
    }

    public String encode(ConversationState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversation state cannot be written as JSON", e);
        }
    }

    public ConversationState decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return ConversationState.fresh();
        }
        try {
            return json.readValue(stored, ConversationState.class);
        } catch (JsonProcessingException e) {
            // Only where it broke: the message itself could quote what the buyer said.
            log.warn("stored conversation state is unreadable ({} at {}), starting over",
                    e.getClass().getSimpleName(), e.getLocation() == null ? "?" : e.getLocation().offsetDescription());
            return ConversationState.fresh();
        }
    }
}
