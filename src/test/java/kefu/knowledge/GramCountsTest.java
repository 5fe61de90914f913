package kefu.knowledge;

import kefu.nlu.GramVocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GramCountsTest {

    @Test
    void countsEachGramOfThePassage() {
        GramVocabulary.Builder builder = new GramVocabulary.Builder();
        int other = builder.add("退款");
        GramCounts counts = GramCounts.of(List.of("充", "值", "充值", "充", "到账", "充"), builder);
        GramVocabulary vocabulary = builder.build();

        assertThat(counts.count(vocabulary.id("充"))).isEqualTo(3);
        assertThat(counts.count(vocabulary.id("充值"))).isEqualTo(1);
        assertThat(counts.count(vocabulary.id("到账"))).isEqualTo(1);
        assertThat(counts.count(other)).isZero();
        assertThat(counts.ids()).hasSize(4);
    }

    @Test
    void anEmptyPassageHasNoGrams() {
        GramCounts counts = GramCounts.of(List.of(), new GramVocabulary.Builder());
        assertThat(counts.ids()).isEmpty();
        assertThat(counts.count(0)).isZero();
    }
}
