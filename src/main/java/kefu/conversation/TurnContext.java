package kefu.conversation;

import java.time.Instant;
import java.util.Map;

/** A turn with what the handler needs to answer it: the stored state, the reply language, the time and the texts. */
public record TurnContext(Turn turn, ConversationState state, Lang lang, Instant now, ReplyTexts texts) {

    public String say(String key) {
        return texts.get(key, lang, Map.of());
    }

    public String say(String key, Map<String, ?> vars) {
        return texts.get(key, lang, vars);
    }

    public String label(String key) {
        return texts.get(key, lang, Map.of());
    }

    public TurnContext withTurn(Turn part) {
        return new TurnContext(part, state, lang, now, texts);
    }

    public TurnContext withState(ConversationState next) {
        return new TurnContext(turn, next, lang, now, texts);
    }
}
