package kefu.console;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code kefu.console.*}: the operator web console that {@code serve} runs.
 *
 * @param port          where the console listens ({@code KEFU_CONSOLE_PORT}); 0 picks a free port
 * @param bind          the address it listens on; loopback by default, put a TLS reverse proxy in front for remote use
 * @param keepDays      how many days of daily counters the overview keeps
 * @param loginAttempts failed logins allowed per user name and per client address within {@code loginWindow}
 * @param loginWindow   how long failed logins count, and how long a name or address is then refused
 * @param sessionTimeout how long an idle console session lasts
 * @param secureCookie   send the session cookie over HTTPS only: set it when a TLS reverse proxy fronts the console
 * @param groupSimilarity unanswered questions at least this similar (cosine of the bot's embeddings) form one group
 * @param deskPoll       how often open web-desk pages are sent what is new in their conversation
 */
@Validated
@ConfigurationProperties("kefu.console")
public record ConsoleProperties(
        @DefaultValue("8080") @Min(0) @Max(65535) int port,
        @NotBlank @DefaultValue("127.0.0.1") String bind,
        @DefaultValue("90") @Min(1) @Max(3660) int keepDays,
        @DefaultValue("5") @Min(1) int loginAttempts,
        @NotNull @DefaultValue("15m") Duration loginWindow,
        @NotNull @DefaultValue("8h") Duration sessionTimeout,
        @DefaultValue("0.82") @DecimalMin("0") @DecimalMax("1") double groupSimilarity,
        @DefaultValue("false") boolean secureCookie,
        @NotNull @DefaultValue("1s") Duration deskPoll) {
}
