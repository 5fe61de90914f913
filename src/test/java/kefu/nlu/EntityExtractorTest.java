package kefu.nlu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityExtractorTest {

    private final EntityExtractor extractor = new EntityExtractor("K\\d{13}", "T\\d{13}",
            new DialogueCuesLoader().proofWords(new kefu.app.BotFiles(java.nio.file.Path.of("bot"), java.nio.file.Path.of("knowledge-base"))));

    @Test
    void findsOrderNumberPhoneAndEmail() {
        var found = extractor.extract("订单k2026112400012 手机13812345678 邮箱 a.b@shop.cn");

        assertThat(found).containsEntry("order", "K2026112400012").containsEntry("phone", "13812345678")
                .containsEntry("email", "a.b@shop.cn");
    }

    @Test
    void aLongerRunOfDigitsIsNotAnOrderOrAPhone() {
        assertThat(extractor.extract("K20261124000123 138123456789")).isEmpty();
    }

    @Test
    void orderNumbersTypedLooselyAreRead() {
        assertThat(extractor.orderNumber("k 2026 1124 00077 查一下")).contains("K2026112400077");
        assertThat(extractor.orderNumber("ｋ２０２６１１２４０００７７")).contains("K2026112400077");
        assertThat(extractor.orderNumber("单号 K-2026-1124-00077")).contains("K2026112400077");
    }

    @Test
    void theMissingPrefixLetterIsAddedWhenTheDigitsFitTheShape() {
        assertThat(extractor.orderNumber("2026112400004 怎么样了")).contains("K2026112400004");
        assertThat(extractor.orderNumber("13812345678")).isEmpty();
    }

    @Test
    void everyOrderNumberOfAMessageIsKept() {
        assertThat(extractor.orderNumbers("K2026112400004 和 K2026112400013 都查一下"))
                .containsExactly("K2026112400004", "K2026112400013");
        assertThat(extractor.extract("K2026112400004 K2026112400013")).containsEntry("orders", "K2026112400004,K2026112400013");
        assertThat(extractor.orderNumbers("K2026112400004 13812345678")).containsExactly("K2026112400004");
    }

    @Test
    void aTicketNumberIsNotAnOrder() {
        var found = extractor.extract("T2026113000001 进度");

        assertThat(found).containsEntry("ticket", "T2026113000001").doesNotContainKey("order");
    }

    @Test
    void anotherShopsNumberIsReportedAsForeign() {
        assertThat(extractor.foreignNumber("DD20231122001")).contains("DD20231122001");
        assertThat(extractor.foreignNumber("淘宝订单 2023998877665544 帮我看下")).contains("2023998877665544");
        assertThat(extractor.foreignNumber("K2026112400004")).isEmpty();
        assertThat(extractor.foreignNumber("我的手机 13812345678")).isEmpty();
    }

    @Test
    void aProofTypedWithTheOrderIsPickedOut() {
        assertThat(extractor.proof("订单号：K2026112400077，手机尾号5678")).contains("5678");
        assertThat(extractor.proof("K2026112400004 后四位 5678 查一下")).contains("5678");
        assertThat(extractor.proof("K2026112400004 手机13812345678")).contains("13812345678");
        assertThat(extractor.proof("K2026112400004 邮箱 xiaoming.wang@qq.com")).contains("xiaoming.wang@qq.com");
        assertThat(extractor.proof("K2026112400003 查询密码 wz600")).contains("wz600");
        assertThat(extractor.proof("K2026112400004 5678")).isEmpty();
    }
}
