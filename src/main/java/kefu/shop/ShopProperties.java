package kefu.shop;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code kefu.shop.*}: where the shop is and how to sign requests to it, the sandbox shop, the order rules
 * per category and the chat-side limits. {@code kind} picks the shop system ({@link ShopKind}); by default an
 * empty {@code baseUrl} runs the sandbox shop inside the bot.
 */
@Validated
@ConfigurationProperties("kefu.shop")
public record ShopProperties(String baseUrl, @NotBlank String apiKey, String secret,
                             @NotNull Duration connectTimeout, @NotNull Duration requestTimeout,
                             @NotNull Duration maxClockSkew, @Valid @NotNull Sandbox sandbox,
                             @Valid @NotNull Rules rules, @Valid @NotNull Chat chat, String kind) {

    /** Without the signing secret: a logged or reported settings object must not carry it. */
    @Override
    public String toString() {
        return "ShopProperties[kind=" + kind + ", baseUrl=" + baseUrl + ", apiKey=" + apiKey + ", secret="
                + (secret == null || secret.isEmpty() ? "" : "***") + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", maxClockSkew=" + maxClockSkew + "]";
    }

    public boolean inProcessSandbox() {
        return shopKind() == ShopKind.SANDBOX;
    }

    /** The shop system to talk to; blank {@code kind}: {@code http} when {@code base-url} is set, else the sandbox. */
    public ShopKind shopKind() {
        return ShopKind.of(kind, baseUrl != null && !baseUrl.isBlank());
    }

    /**
     * @param data              seed file, loaded once into an empty sandbox
     * @param keyPrefix         Redis key prefix of the sandbox's data; empty = the bot's prefix + {@code sandbox-shop:}
     * @param reseed            load the seed file again over existing data
     * @param proofFailuresPerHour      wrong proofs one chat user may give in an hour
     * @param proofFailuresPerOrderPerHour wrong proofs for one order number in an hour, whoever gives them, so
     *                          many chat accounts together cannot guess a 4-digit proof either; it holds back
     *                          only chat users who failed on that order
     * @param bindFailuresPerHour      wrong bind codes one chat user may give in an hour
     * @param bindFailuresPerHourTotal wrong bind codes all chat users together may give in an hour
     * @param bindCodeTtl       how long a bind code (seeded or issued) stays valid
     */
    public record Sandbox(@NotNull Path data, String keyPrefix, boolean reseed, @Min(1) int proofFailuresPerHour,
                          @Min(1) int proofFailuresPerOrderPerHour, @Min(1) int bindFailuresPerHour,
                          @Min(1) int bindFailuresPerHourTotal, @NotNull Duration bindCodeTtl,
                          @Min(1024) int maxEvidenceBytes, @Min(1024) int maxBodyBytes,
                          @NotNull Duration evidenceTtl) {
    }

    /**
     * @param cancelWindow how long after payment an undelivered order may still be cancelled
     * @param categories   rules per product category ({@code mobile_topup}, {@code game_item}...)
     */
    public record Rules(@NotNull Duration cancelWindow, @Min(1) int slaHoursMin, @Min(1) int slaHoursMax,
                       @NotEmpty Map<String, @Valid CategoryRule> categories) {

        public CategoryRule category(String name) {
            CategoryRule rule = categories.get(name);
            return rule != null ? rule : categories.getOrDefault("default", CategoryRule.FALLBACK);
        }
    }

    /**
     * @param expectedMinutes       usual delivery time after payment
     * @param urgeAfterMinutes      a buyer may urge this long after payment
     * @param urgeGapMinutes        minimum time between two urges of one order
     * @param urgeHandlingMinutes   staff handle an accepted urge within this time
     * @param afterSalesWhenUsed    whether an item already used (redeemed) may still get after-sales
     * @param afterSalesWhenExpired whether an expired item may still get after-sales
     */
    public record CategoryRule(@Min(0) int expectedMinutes, @Min(0) int urgeAfterMinutes, @Min(1) int urgeGapMinutes,
                               @Min(1) int urgeHandlingMinutes, boolean afterSalesWhenUsed,
                               boolean afterSalesWhenExpired) {

        static final CategoryRule FALLBACK = new CategoryRule(30, 30, 30, 30, true, true);
    }

    /**
     * @param recentOrders       order buttons shown to a bound buyer
     * @param maxScreenshotBytes largest accepted screenshot
     * @param maxScreenshots     screenshots kept per after-sales form
     * @param bindFailuresPerHour wrong bind codes the bot itself accepts from one conversation in an hour before
     *                           it stops asking the shop (the shop keeps its own limits too)
     */
    public record Chat(@Min(1) int recentOrders, @Min(1024) long maxScreenshotBytes, @Min(1) int maxScreenshots,
                       @Min(1) int bindFailuresPerHour) {
    }
}
