package kefu.shop.acgfaka;

import kefu.shop.GoodsCategories;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * {@code kefu.shop.acg-faka.*}: an acg-faka (异次元发卡) shop's buyer API. acg-faka allows 30 order queries per
 * 10 minutes per IP and 8 secret reads per order and IP; the bot stays under both.
 *
 * @param baseUrl          the shop's address, e.g. {@code https://faka.example.com}
 * @param timeout          one request's longest wait
 * @param cacheFor         how long an answer is reused before the shop is asked again
 * @param queriesPerWindow order queries the bot sends in one {@code window} at most
 * @param secretReadsPerOrderPerHour card-secret reads of one order in an hour at most
 * @param timezone         the shop's time zone (its create_time/pay_time carry none)
 */
@ConfigurationProperties("kefu.shop.acg-faka")
public record AcgFakaProperties(@DefaultValue("") String baseUrl, @DefaultValue("5s") Duration timeout,
                                @DefaultValue("60s") Duration cacheFor, @DefaultValue("25") int queriesPerWindow,
                                @DefaultValue("10m") Duration window, @DefaultValue("4") int secretReadsPerOrderPerHour,
                                @DefaultValue("Asia/Shanghai") String timezone, @DefaultValue GoodsCategories categories) {

    public void validate(Set<String> knownCategories) {
        if (baseUrl.isBlank()) {
            throw new IllegalStateException("kefu.shop.acg-faka.base-url (env KEFU_SHOP_ACG_FAKA_BASE_URL) is required "
                    + "with kefu.shop.kind=acg-faka");
        }
        URI u = URI.create(baseUrl.strip());
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
            throw new IllegalStateException("kefu.shop.acg-faka.base-url must be an http(s) address, not " + baseUrl);
        }
        if (queriesPerWindow < 1 || queriesPerWindow > 30) {
            throw new IllegalStateException("kefu.shop.acg-faka.queries-per-window must be 1..30 (acg-faka allows 30 per 10 minutes)");
        }
        if (secretReadsPerOrderPerHour < 1 || secretReadsPerOrderPerHour > 8) {
            throw new IllegalStateException("kefu.shop.acg-faka.secret-reads-per-order-per-hour must be 1..8");
        }
        try {
            ZoneId.of(timezone);
        } catch (RuntimeException e) {
            throw new IllegalStateException("kefu.shop.acg-faka.timezone: unknown time zone " + timezone, e);
        }
        categories.validate("kefu.shop.acg-faka.categories", knownCategories);
    }
}
