package kefu.knowledge;

import java.util.List;

/**
 * What the answer engine found for a question.
 *
 * @param kind        ANSWER: {@code article} answers it; SUGGEST: not sure, {@code suggestions} are the closest;
 *                    NONE: nothing in the help center is related
 * @param text        the answer body for ANSWER (without the source line), empty otherwise
 * @param composed    true when the text was phrased by the language model
 * @param ranked      every article with its score, best first (for hit testing)
 */
public record Answer(Kind kind, Article article, String text, boolean composed, List<Article> suggestions,
                     List<KnowledgeIndex.Hit> ranked) {

    /** NOT_DESCRIBED: the question names something the help center never describes ({@code text} says what). */
    public enum Kind { ANSWER, SUGGEST, NONE, NOT_DESCRIBED }

    public Answer {
        suggestions = List.copyOf(suggestions);
        ranked = List.copyOf(ranked);
    }
}
