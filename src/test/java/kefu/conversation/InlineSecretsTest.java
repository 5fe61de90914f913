package kefu.conversation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a secret typed in passing, and what is left alone. */
class InlineSecretsTest {

    @Test
    void theCodeOfBindIsHiddenInAnySpelling() {
        assertThat(InlineSecrets.hide("/bind BIND-7Q2K-9XHM-4PWA")).isEqualTo("/bind [hidden]");
        assertThat(InlineSecrets.hide("/bind@kefu_bot 7q2k9xhm4pwa")).isEqualTo("/bind@kefu_bot [hidden]");
        assertThat(InlineSecrets.hide("我的绑定码是 bind-7q2k-9xhm-4pwa 谢谢")).doesNotContain("7q2k");
    }

    @Test
    void besideAnOrderNumberProofsAreHiddenAndTheOrderNumberStays() {
        assertThat(InlineSecrets.hide("K2026112400004 buyer@example.com")).isEqualTo("K2026112400004 [hidden]");
        assertThat(InlineSecrets.hide("订单K2026112400012 尾号5678 密码 pw9x7k2"))
                .isEqualTo("订单K2026112400012 尾号[hidden] 密码 [hidden]");
    }

    @Test
    void withoutAnOrderNumberOrdinaryTextIsLeftAlone() {
        assertThat(InlineSecrets.hide("话费充了100元，2026年11月还没到账，iPhone15 怎么办"))
                .isEqualTo("话费充了100元，2026年11月还没到账，iPhone15 怎么办");
    }
}
