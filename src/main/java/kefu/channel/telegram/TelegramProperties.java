package kefu.channel.telegram;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code kefu.telegram.*}: the bot token, where the Bot API is, polling or webhook, the staff groups and
 * the sending limits. Env: {@code KEFU_TELEGRAM_TOKEN}, {@code KEFU_TELEGRAM_API_URL}, {@code KEFU_TELEGRAM_MODE},
 * {@code KEFU_TELEGRAM_WEBHOOK_SECRET}, {@code KEFU_TELEGRAM_STAFF_CHAT_ID}.
 */
@Validated
@ConfigurationProperties("kefu.telegram")
public record TelegramProperties(String token,
                                 @NotNull @Pattern(regexp = "https?://[^/?#]+/?", message = "must be scheme://host[:port] without a path") String apiUrl,
                                 @NotNull Mode mode,
                                 @NotNull @Valid Webhook webhook,
                                 Long staffChatId,
                                 List<@Valid StaffGroup> staffGroups,
                                 List<Long> extraStaffIds,
                                 @Deprecated List<Long> staffIds,
                                 @NotNull Duration staffCacheTtl,
                                 @Min(1) long maxFileBytes,
                                 @NotNull Path downloadDir,
                                 @Min(1) int workers,
                                 @NotNull Duration pollTimeout,
                                 @NotNull Duration laneLease,
                                 @NotNull Duration sweepInterval,
                                 @NotNull Duration updateDedupeTtl,
                                 @NotNull Duration blockedTtl,
                                 @Min(1) int maxAttempts,
                                 @NotNull @Valid Limits limits) {

    public TelegramProperties {
        // extra-staff-ids widens the staff group; staff-ids is its former name, still read.
        extraStaffIds = Stream.concat(extraStaffIds == null ? Stream.<Long>of() : extraStaffIds.stream(),
                staffIds == null ? Stream.<Long>of() : staffIds.stream()).distinct().toList();
        staffIds = extraStaffIds;
        // staff-chat-id is a one-group list: the primary group, before the groups listed (listed as well, its
        // entry there gives it categories or a limit).
        List<StaffGroup> listed = staffGroups == null ? List.of()
                : staffGroups.stream().filter(g -> g != null && g.chatId() != null).toList();
        List<StaffGroup> groups = new java.util.ArrayList<>();
        if (staffChatId != null && staffChatId != 0) {
            Long primary = staffChatId;
            groups.add(listed.stream().filter(g -> g.chatId().equals(primary)).findFirst()
                    .orElse(new StaffGroup(primary, List.of(), null)));
        }
        for (StaffGroup g : listed) {
            if (groups.stream().noneMatch(x -> x.chatId().equals(g.chatId()))) {
                groups.add(g);
            }
        }
        staffGroups = List.copyOf(groups);
    }

    /**
     * A staff forum supergroup. {@code categories}: the shop's product categories (e.g. {@code mobile_topup})
     * whose buyers' topics open here; none: it takes its turn with the other groups listing none.
     * {@code limit}: its own posting limit (default {@code limits.per-group}).
     */
    public record StaffGroup(@NotNull Long chatId, List<String> categories, @Valid Limit limit) {
        public StaffGroup {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    public enum Mode { POLLING, WEBHOOK }

    /**
     * @param url    the public HTTPS address Telegram posts updates to (registered with setWebhook)
     * @param path   the local path the endpoint listens on
     * @param port   the local port of the web server
     * @param secret compared with {@code X-Telegram-Bot-Api-Secret-Token} on every request
     * @param maxConnections   the most connections Telegram opens to the webhook (setWebhook)
     * @param address          the local address the web server listens on: loopback behind a reverse proxy
     * @param headerTimeout    how long a connection may take to send its request line and headers
     * @param keepAliveTimeout how long an idle kept-alive connection stays open
     * @param serverConnections the most connections the web server keeps open at once; more wait in the
     *                          operating system's queue ({@code acceptCount}) or are refused
     */
    public record Webhook(String url, @NotNull String path, @Min(1) int port, String secret,
                          @Min(1) int maxConnections, @NotBlank String address, @NotNull Duration headerTimeout,
                          @NotNull Duration keepAliveTimeout, @Min(1) int serverConnections, @Min(1) int acceptCount) {

        /** Without the secret: a logged or reported settings object must not carry it. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", path=" + path + ", port=" + port + ", secret="
                    + (secret == null || secret.isEmpty() ? "" : "***") + ", maxConnections=" + maxConnections
                    + ", address=" + address + ", headerTimeout=" + headerTimeout + ", keepAliveTimeout="
                    + keepAliveTimeout + ", serverConnections=" + serverConnections + ", acceptCount=" + acceptCount + "]";
        }
    }

    /** At most {@code messages} in any {@code window}. */
    public record Limit(@Min(1) int messages, @NotNull Duration window) {
    }

    /**
     * Telegram's sending limits, kept in Redis so all instances together respect them; {@code margin} is added
     * to every window to absorb network jitter between the limiter and Telegram.
     */
    public record Limits(@NotNull @Valid Limit perChat, @NotNull @Valid Limit perGroup, @NotNull @Valid Limit global,
                         @NotNull Duration margin) {
    }

    /** Without the token (it controls the bot): a logged or reported settings object must not carry it. */
    @Override
    public String toString() {
        return "TelegramProperties[token=" + (hasToken() ? "***" : "") + ", apiUrl=" + apiUrl + ", mode=" + mode
                + ", webhook=" + webhook + ", staffGroups=" + staffGroups + ", extraStaffIds=" + extraStaffIds
                + ", maxFileBytes=" + maxFileBytes + ", downloadDir=" + downloadDir + ", workers=" + workers + "]";
    }

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    public boolean hasStaffChat() {
        return !staffGroups.isEmpty();
    }

    public URI apiUri() {
        return URI.create(apiUrl);
    }
}
