package kefu.nlu;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GramSetTest {

    private static final List<String> KNOWN = List.of("话费充值多久到账", "怎么修改初始密码", "how do I reset my password",
            "卡密无效怎么办", "实名认证需要什么");

    @Test
    void diceOnIdsIsDiceOnTheGramSets() {
        GramVocabulary.Builder builder = new GramVocabulary.Builder();
        List<GramSet> known = KNOWN.stream().map(t -> builder.addAll(CharGrams.pairsOf(t))).toList();
        GramVocabulary vocabulary = builder.build();
        // Questions with grams no known text has: they count in the size and match nothing.
        for (String question : List.of("话费充值要多久才到账", "密码忘了怎么修改", "reset password please", "完全无关的句子xyz",
                "卡密", "a", "", "怎么修改初始密码")) {
            Set<String> pairs = CharGrams.pairsOf(question);
            GramSet ids = vocabulary.lookup(pairs);
            assertThat(ids.size()).isEqualTo(pairs.size());
            for (int k = 0; k < KNOWN.size(); k++) {
                assertThat(GramSet.dice(ids, known.get(k)))
                        .as(question + " / " + KNOWN.get(k))
                        .isEqualTo(dice(pairs, CharGrams.pairsOf(KNOWN.get(k))));
            }
        }
    }

    /** Dice on the sets of grams themselves: the reference the id form must equal. */
    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return 2.0 * common / (a.size() + b.size());
    }

    @Test
    void gramsOutsideTheVocabularyMatchNothingButCount() {
        GramVocabulary.Builder builder = new GramVocabulary.Builder();
        GramSet known = builder.addAll(Set.of("充值", "到账"));
        GramSet question = builder.build().lookup(Set.of("充值", "退款", "发票"));

        assertThat(question.ids()).hasSize(1);
        assertThat(question.size()).isEqualTo(3);
        assertThat(GramSet.dice(question, known)).isEqualTo(2.0 * 1 / (3 + 2));
    }

    @Test
    void anEmptySetIsLikeNothing() {
        GramVocabulary.Builder builder = new GramVocabulary.Builder();
        GramSet known = builder.addAll(Set.of("充值"));
        assertThat(GramSet.dice(builder.build().lookup(Set.of()), known)).isZero();
    }
}
