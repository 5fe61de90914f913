package kefu.handoff;

import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;

import java.util.Map;

/** Wording shown to staff (always Chinese, the staff's language) from {@code bot/replies/handoff.yml}. */
public final class StaffTexts {

    private final ReplyTexts texts;

    public StaffTexts(ReplyTexts texts) {
        this.texts = texts;
    }

    public String say(String key) {
        return texts.get(key, Lang.ZH, Map.of());
    }

    public String say(String key, Map<String, ?> vars) {
        return texts.get(key, Lang.ZH, vars);
    }

    /** Wording for the buyer, in the buyer's language. */
    public String buyerText(Lang lang, String key, Map<String, ?> vars) {
        return texts.get(key, lang, vars);
    }

    public boolean has(String key) {
        return texts.has(key);
    }
}
