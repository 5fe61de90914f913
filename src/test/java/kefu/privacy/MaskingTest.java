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

    @Test
    void groupedPhonesAndResidentIdsAreMaskedButOrderNumbersAreNot() {
        assertThat(Masking.inText("电话 138 1234 5678 或 139-8765-4321"))
                .isEqualTo("电话 138****5678 或 139****4321");
        assertThat(Masking.inText("身份证110101199003071234，另一个 44030420001231567X。"))
                .isEqualTo("身份证110***********1234，另一个 440***********567X。");
        // Eighteen digits without a birth date where an ID has one: an order number, left whole.
        assertThat(Masking.inText("订单202611300000012345")).isEqualTo("订单202611300000012345");
        assertThat(Masking.inText("订单DJ110101199003071234")).isEqualTo("订单DJ110101199003071234");
    }
}
