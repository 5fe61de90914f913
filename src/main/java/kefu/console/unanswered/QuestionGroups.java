package kefu.console.unanswered;

import kefu.console.unanswered.UnansweredQuestions.Question;
import kefu.nlu.TextEmbedder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Groups questions by meaning with the bot's own embedding model: each question joins the first group whose
 * leading question is at least {@code threshold} similar (cosine), most-asked questions leading. Greedy and
 * order-stable, which is enough for the few hundred questions an operator goes through.
 */
public final class QuestionGroups {

    /** A group: its leading (most asked) question, every question in it, and their total count. */
    public record Group(String id, Question lead, List<Question> questions, long count) { }

    private final Function<String, float[]> embed;
    private final double threshold;

    public QuestionGroups(TextEmbedder embedder, double threshold) {
        this(embedder::query, threshold);
    }

    QuestionGroups(Function<String, float[]> embed, double threshold) {
        this.embed = embed;
        this.threshold = threshold;
    }

    public List<Group> group(List<Question> questions) {
        List<Question> byCount = questions.stream()
                .sorted(Comparator.comparingLong(Question::count).reversed().thenComparing(Question::last,
                        Comparator.reverseOrder()).thenComparing(Question::text))
                .toList();
        List<float[]> leads = new ArrayList<>();
        List<List<Question>> members = new ArrayList<>();
        for (Question q : byCount) {
            float[] v = embed.apply(q.text());
            int best = -1;
            double bestScore = threshold;
            for (int i = 0; i < leads.size(); i++) {
                double s = TextEmbedder.cosine(v, leads.get(i));
                if (s >= bestScore) {
                    best = i;
                    bestScore = s;
                }
            }
            if (best < 0) {
                leads.add(v);
                members.add(new ArrayList<>(List.of(q)));
            } else {
                members.get(best).add(q);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (List<Question> m : members) {
            long count = m.stream().mapToLong(Question::count).sum();
            groups.add(new Group(Integer.toHexString(m.get(0).text().hashCode()), m.get(0), List.copyOf(m), count));
        }
        groups.sort(Comparator.comparingLong(Group::count).reversed());
        return groups;
    }
}
