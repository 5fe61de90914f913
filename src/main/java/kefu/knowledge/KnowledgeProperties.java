package kefu.knowledge;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * {@code kefu.knowledge.*}: how sure the answer engine must be, how often the
 * articles are checked for changes, and the topics shown when a buyer opens the FAQ menu.
 *
 * @param answerThreshold  a best article scoring at least this is given as the answer
 * @param suggestThreshold articles scoring at least this are offered as "did you mean" buttons
 * @param reloadInterval   how often the knowledge-base folder is checked for changes; 0 turns it off
 * @param popular          article ids shown as buttons for the FAQ menu
 */
@Validated
@ConfigurationProperties("kefu.knowledge")
public record KnowledgeProperties(
        @DefaultValue("0.58") @DecimalMin("0") @DecimalMax("1") double answerThreshold,
        @DefaultValue("0.45") @DecimalMin("0") @DecimalMax("1") double suggestThreshold,
        @NotNull @DefaultValue("10s") Duration reloadInterval,
        @NotNull @DefaultValue({"topup-arrival-time", "vip-membership-claim", "after-sales-how-to",
                "wrong-order-cancel", "payment-methods", "contact-and-service-hours"}) List<String> popular) {
}
