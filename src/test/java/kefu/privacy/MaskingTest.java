package kefu.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void rechargeTargetsKeepOnlyTheirEnds() {
        assertThat(Masking.target("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.target("alice@example.com")).isEqualTo("a***@example.com");
        assertThat(Masking.target("QQ123456789")).isEqualTo("QQ****89");
        assertThat(Masking.target("123")).isEqualTo("****");
    }

    @Test
    void phonesAndEmailsInsideTextAreMasked() {
        assertThat(Masking.inText("我的手机13812345678，邮箱bob.smith@mail.cn，订单K2026112400012"))
                .isEqualTo("我的手机138****5678，邮箱b***@mail.cn，订单K2026112400012");
    }
}
