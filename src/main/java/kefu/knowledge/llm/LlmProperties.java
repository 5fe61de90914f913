package kefu.knowledge.llm;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code kefu.llm.*} (env {@code KEFU_LLM_BASE_URL}, {@code KEFU_LLM_API_KEY}, {@code KEFU_LLM_MODEL}): an
 * OpenAI-compatible chat endpoint that phrases help-center answers. Without a base URL and model the bot
 * answers extractively.
 *
 * @param timeout  the longest the bot waits for the model before answering extractively
 * @param cooldown after a failure the model is not asked again for this long
 */
@Validated
@ConfigurationProperties("kefu.llm")
public record LlmProperties(@DefaultValue("") String baseUrl, @DefaultValue("") String apiKey,
                            @DefaultValue("") String model,
                            @NotNull @DefaultValue("4s") Duration timeout,
                            @NotNull @DefaultValue("60s") Duration cooldown,
                            @DefaultValue("400") @Min(50) int maxTokens) {

    public boolean configured() {
        return !baseUrl.isBlank() && !model.isBlank();
    }
}
