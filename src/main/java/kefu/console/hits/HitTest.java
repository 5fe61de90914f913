package kefu.console.hits;

import kefu.conversation.Reply;

import java.util.List;
import java.util.Map;

/**
 * What the bot makes of one question: the intent and every intent's similarity, the ranked articles with the
 * section that matched, and the replies it would send with their buttons ({@code replied} false when the intent
 * would act — hand over, urge, cancel — and was not run).
 */
public record HitTest(String question, String intent, double confidence, Map<String, Double> intentScores,
                      List<RankedArticle> articles, String answerKind, List<Reply> replies, boolean replied) {

    /** One ranked article; {@code section} is the heading of the best section, or null for the introduction. */
    public record RankedArticle(int rank, String id, String title, String section, double score, double example,
                                double passage, double lexical) { }
}
