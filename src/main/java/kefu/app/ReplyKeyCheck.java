package kefu.app;

import kefu.conversation.ReplyKeyFamily;
import kefu.conversation.ReplyTexts;

import java.util.List;
import java.util.TreeSet;

/**
 * Start-up check of the reply texts the code builds keys for at run time ({@link ReplyKeyFamily}): a status, a
 * reason or a command without its text stops start-up with the keys to add, instead of failing a buyer's turn.
 * Keys written out in the code are covered by the packaged texts ({@link ReplyTextsLoader}) and a test.
 */
public final class ReplyKeyCheck {

    public ReplyKeyCheck(ReplyTexts texts, List<ReplyKeyFamily> families) {
        TreeSet<String> missing = new TreeSet<>();
        families.stream().flatMap(f -> f.keys().stream()).filter(k -> !texts.has(k)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("bot/replies has no text for " + String.join(", ", missing)
                    + ": add them (zh, and en if you serve English) to a file in bot/replies");
        }
    }
}
