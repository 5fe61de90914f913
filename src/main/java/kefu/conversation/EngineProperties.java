package kefu.conversation;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code kefu.engine.*}: the longest message the bot reads (longer ones are politely refused). */
@Validated
@ConfigurationProperties("kefu.engine")
public record EngineProperties(@Min(16) int maxTextLength) {
}
