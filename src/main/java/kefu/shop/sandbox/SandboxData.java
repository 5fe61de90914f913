package kefu.shop.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The seed file ({@code bot/sandbox-shop.json}). Times are minutes/days relative to loading, so a fixture
 * never goes stale: {@code paidMinutesAgo}, {@code deliveredMinutesAgo}, {@code expiresInDays} (negative = expired).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SandboxData(List<Account> accounts, List<Order> orders) {

    public SandboxData {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        orders = orders == null ? List.of() : List.copyOf(orders);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String id, String name, String phone, String email, String bindCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(String orderNo, String account, String product, String category, String deliveryType,
                        String amount, String rechargeTarget, String contact, String queryPassword, String status,
                        String rawStatus, Integer paidMinutesAgo, Integer deliveredMinutesAgo, String redeemCode,
                        boolean used, Integer expiresInDays) {
    }
}
