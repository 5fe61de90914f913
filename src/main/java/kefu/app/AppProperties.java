package kefu.app;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code kefu.*}: where the operator's files are and the shop's time zone (service hours, "today").
 */
@Validated
@ConfigurationProperties("kefu")
public record AppProperties(@NotNull Path botDir, @NotNull Path knowledgeDir, @NotNull ZoneId timezone) {
}
