package kefu.conversation.orders;

import kefu.conversation.ReplyKeyFamily;
import kefu.shop.OrderStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

/** The order replies whose keys are built at run time; start-up checks each has a text. */
@Configuration(proxyBeanMethods = false)
public class OrderReplyKeys {

    @Bean
    ReplyKeyFamily orderStatusTexts() {
        return new ReplyKeyFamily("shop.status.", Arrays.stream(OrderStatus.values()).map(OrderStatus::wireName).toList());
    }

    @Bean
    ReplyKeyFamily afterSalesReasonTexts() {
        return new ReplyKeyFamily("shop.as.reason.", AfterSalesForm.REASONS);
    }

    /** The after-sales rules of {@code OrderRules} a buyer can be refused by. */
    @Bean
    ReplyKeyFamily afterSalesRefusalTexts() {
        return ReplyKeyFamily.of("shop.as.refused.", "used", "expired", "status");
    }

    @Bean
    ReplyKeyFamily moodTexts() {
        return ReplyKeyFamily.of("mood.", "angry", "urgent");
    }
}
