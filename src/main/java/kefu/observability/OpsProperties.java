package kefu.observability;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kefu.management.*} and {@code kefu.log.*}. Both are read before Spring starts too (the port by
 * {@code KefuApplication}, the format by {@code logback-spring.xml}); bound here so that a bad value stops
 * start-up with the property's name instead of silently logging nothing.
 */
@Validated
@ConfigurationProperties("kefu")
public record OpsProperties(@DefaultValue Management management, @DefaultValue Log log) {

    public record Management(@DefaultValue("9090") @Min(0) @Max(65535) int port,
                             @DefaultValue("127.0.0.1") @NotBlank String address) {
    }

    public record Log(@DefaultValue("text") @Pattern(regexp = "text|json",
            message = "must be text or json") String format) {
    }
}
