package kefu.nlu;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code kefu.nlu.*}: the shape of the shop's order numbers (a regular expression). */
@Validated
@ConfigurationProperties("kefu.nlu")
public record NluProperties(@NotBlank String orderNumberPattern) {
}
