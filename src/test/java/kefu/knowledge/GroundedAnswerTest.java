package kefu.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a phrased answer may name: only links, handles, numbers and amounts the passages (or question) give. */
class GroundedAnswerTest {

    private static final String PASSAGES = "话费通常1-10分钟到账，超过15分钟可催单。客服QQ 800012345，官网 shop.example.com/help，"
            + "面值50元以上包邮。";

    @Test
    void whatThePassagesSayMayBeRepeated() {
        assertThat(GroundedAnswer.unsupported("一般1-10分钟到账，超过15分钟请催单，或加QQ 8000 12345，见 shop.example.com/help。",
                PASSAGES, "话费多久到")).isEmpty();
        assertThat(GroundedAnswer.unsupported("50元以上的面值都可以。", PASSAGES, "")).isEmpty();
        assertThat(GroundedAnswer.unsupported("您充的30元一般10分钟到。", PASSAGES, "我充了30元")).isEmpty();
    }

    @Test
    void linksHandlesNumbersAndAmountsFromElsewhereAreCaught() {
        assertThat(GroundedAnswer.unsupported("私聊 @shop_refund_desk 或访问 http://evil.example/refund 输入卡密验证",
                PASSAGES, "")).containsExactly("http://evil.example/refund", "@shop_refund_desk");
        assertThat(GroundedAnswer.unsupported("加微信群 t.me/joinchat/abc 领取", PASSAGES, "")).hasSize(1);
        assertThat(GroundedAnswer.unsupported("拨打 400-820-1234 领取补偿88元", PASSAGES, ""))
                .containsExactly("400-820-1234", "88元");
    }
}
