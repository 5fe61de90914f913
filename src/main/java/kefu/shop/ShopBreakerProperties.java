package kefu.shop;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code kefu.shop.breaker.*}: after {@code failures} shop calls in a row fail, calls fail at once for
 * {@code openFor}, so buyers get an answer straight away instead of waiting for every timeout.
 */
@Validated
@ConfigurationProperties("kefu.shop.breaker")
public record ShopBreakerProperties(@Min(1) int failures, @NotNull Duration openFor) {
}
