package kefu.nlu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnicodeTextNormalizerTest {

    private final UnicodeTextNormalizer normalizer = new UnicodeTextNormalizer();

    @Test
    void fullWidthCharactersBecomeAscii() {
        assertThat(normalizer.normalize("订单Ｋ２０２６１１２４")).isEqualTo("订单K20261124");
    }

    @Test
    void controlAndDirectionCharactersAreRemoved() {
        assertThat(normalizer.normalize("查\u202e订\u0000单\u200b")).isEqualTo("查订单");
    }

    @Test
    void blanksAreFoldedAndTrimmed() {
        assertThat(normalizer.normalize("  话费 \n\t 多久   到账 ")).isEqualTo("话费 多久 到账");
    }
}
