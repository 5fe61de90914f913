package kefu.knowledge.llm;

import kefu.conversation.Lang;
import kefu.knowledge.AnswerComposer;

import java.util.List;
import java.util.Optional;

/** No language model configured: every answer is extractive. */
public final class NoComposer implements AnswerComposer {

    @Override
    public Optional<String> compose(String question, List<Passage> passages, Lang lang) {
        return Optional.empty();
    }
}
