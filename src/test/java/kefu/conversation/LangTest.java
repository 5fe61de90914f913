package kefu.conversation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LangTest {

    @Test
    void chineseTextIsChinese() {
        assertThat(Lang.detect("话费多久到账 ok", Lang.EN)).isEqualTo(Lang.ZH);
    }

    @Test
    void englishTextIsEnglish() {
        assertThat(Lang.detect("How long does a top-up take?", Lang.ZH)).isEqualTo(Lang.EN);
    }

    @Test
    void aCommandNameSaysNothingAboutTheLanguage() {
        assertThat(Lang.detect("/order K2026112400012", Lang.ZH)).isEqualTo(Lang.ZH);
    }

    @Test
    void anOrderNumberKeepsTheLanguageSoFar() {
        assertThat(Lang.detect("K2026112400012", Lang.EN)).isEqualTo(Lang.EN);
        assertThat(Lang.detect("K2026112400012", Lang.ZH)).isEqualTo(Lang.ZH);
    }

    @Test
    void aBindCommandWithItsCodeKeepsTheLanguageSoFar() {
        assertThat(Lang.detect("/bind BIND-7Q2K9", Lang.ZH)).isEqualTo(Lang.ZH);
    }

    @Test
    void aCodeOrPasswordMixingLettersAndDigitsKeepsTheLanguageSoFar() {
        assertThat(Lang.detect("BIND-3M8X4", Lang.ZH)).isEqualTo(Lang.ZH);
        assertThat(Lang.detect("wow30", Lang.ZH)).isEqualTo(Lang.ZH);
        assertThat(Lang.detect("top-up not arrived K2026112400012", Lang.ZH)).isEqualTo(Lang.EN);
    }
}
