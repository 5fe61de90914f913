package kefu.knowledge;

import kefu.conversation.Lang;

import java.util.List;
import java.util.Optional;

/**
 * Phrases an answer to a question from help-center passages only. Empty means "answer extractively":
 * the composer is not configured, failed, or did not produce a usable answer.
 */
public interface AnswerComposer {

    Optional<String> compose(String question, List<Passage> passages, Lang lang);

    /** A retrieved piece of an article. */
    record Passage(String title, String text) {
    }
}
