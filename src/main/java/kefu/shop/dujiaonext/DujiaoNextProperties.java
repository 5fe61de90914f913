package kefu.shop.dujiaonext;

import kefu.shop.GoodsCategories;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * {@code kefu.shop.dujiao-next.*}: a Dujiao-Next shop's guest order API.
 *
 * @param baseUrl   the API's address, e.g. {@code https://shop.example.com}
 * @param orderPath the guest order route, {@code {orderNo}} standing for the order number; versions before the
 *                  2026-03 route change serve {@code /api/v1/guest/orders/by-order-no/{orderNo}}
 * @param timeout   one request's longest wait
 */
@ConfigurationProperties("kefu.shop.dujiao-next")
public record DujiaoNextProperties(@DefaultValue("") String baseUrl,
                                   @DefaultValue("/api/v1/guest/orders/{orderNo}") String orderPath,
                                   @DefaultValue("5s") Duration timeout, @DefaultValue GoodsCategories categories) {

    public void validate(Set<String> knownCategories) {
        if (baseUrl.isBlank()) {
            throw new IllegalStateException("kefu.shop.dujiao-next.base-url (env KEFU_SHOP_DUJIAO_NEXT_BASE_URL) is "
                    + "required with kefu.shop.kind=dujiao-next");
        }
        URI u = URI.create(baseUrl.strip());
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
            throw new IllegalStateException("kefu.shop.dujiao-next.base-url must be an http(s) address, not " + baseUrl);
        }
        if (!orderPath.startsWith("/") || !orderPath.contains("{orderNo}")) {
            throw new IllegalStateException("kefu.shop.dujiao-next.order-path must start with / and contain {orderNo}");
        }
        categories.validate("kefu.shop.dujiao-next.categories", knownCategories);
    }
}
