package kefu.nlu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityExtractorTest {

    private final EntityExtractor extractor = new EntityExtractor("K\\d{13}");

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
}
