package kefu.knowledge;

import java.util.List;

/**
 * One help-center article as the operator wrote it in {@code knowledge-base/*.md}.
 *
 * @param intro     the text before the first {@code ##} heading: a short, direct answer
 * @param summaryEn a one-paragraph English answer, used when the buyer writes English (may be empty)
 * @param actions   intents offered as next-step buttons under an answer (e.g. urge_order)
 */
public record Article(String id, String title, String titleEn, String category, List<String> tags,
                      List<String> questions, List<String> questionsEn, String summaryEn, List<String> actions,
                      String intro, List<Section> sections) {

    public Article {
        tags = List.copyOf(tags);
        questions = List.copyOf(questions);
        questionsEn = List.copyOf(questionsEn);
        actions = List.copyOf(actions);
        sections = List.copyOf(sections);
    }

    /** A {@code ##} part of an article. */
    public record Section(String heading, String text) {
    }
}
