package kefu.shop.dujiaonext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.OrderRules;
import kefu.shop.OrderSource;
import kefu.shop.OrderStatus;
import kefu.shop.ShopOrder;
import kefu.shop.ShopUnavailableException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads orders through Dujiao-Next's guest API ({@code GET /api/v1/guest/orders/:order_no}, in
 * {@code internal/modules/order/transport/http/routes.go}), which shows an order only with the email and order
 * password given at checkout: the buyer's proof is both ("邮箱 查询密码"). The credentials go as the
 * {@code Authorization: Guest …} header the current storefront sends and, for older versions, as the
 * {@code email}/{@code order_password} query parameters. Statuses are corrected by the shop when read, which is
 * why the bot asks the API and never reads its database.
 */
public final class DujiaoNextOrders implements OrderSource {

    private final DujiaoNextProperties settings;
    private final OrderRules rules;
    private final ObjectMapper json;
    private final HttpClient http;
    private final String base;

    public DujiaoNextOrders(DujiaoNextProperties settings, OrderRules rules, ObjectMapper json) {
        this.settings = settings;
        this.rules = rules;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1).build();
        String b = settings.baseUrl().strip();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    @Override
    public boolean readsNeedProof() {
        return true;
    }

    @Override
    public Optional<ShopOrder> prove(String orderNo, String proof) {
        return order(orderNo, proof);
    }

    @Override
    public Optional<ShopOrder> order(String orderNo, String proof) {
        Optional<Credentials> c = Credentials.parse(proof);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        String path = settings.orderPath().replace("{orderNo}", URLEncoder.encode(orderNo.strip(), StandardCharsets.UTF_8));
        URI uri = URI.create(base + path + "?email=" + enc(c.get().email()) + "&order_password=" + enc(c.get().password()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).header("Accept", "application/json")
                .header("Authorization", c.get().header()).GET().build();
        JsonNode answer;
        int code;
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            code = response.statusCode();
            answer = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new ShopUnavailableException("Dujiao-Next unreachable at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopUnavailableException("interrupted while calling Dujiao-Next", e);
        }
        // A wrong email/password and a missing order are the same 404 "guest_order_not_found".
        if (code == 404 || code == 400) {
            return Optional.empty();
        }
        if (code != 200 || answer.path("status_code").asInt(-1) != 0 || !answer.path("data").isObject()) {
            throw new ShopUnavailableException("Dujiao-Next answered " + code + " " + answer.path("msg").asText());
        }
        return Optional.of(view(answer.path("data")));
    }

    private ShopOrder view(JsonNode d) {
        String rawStatus = d.path("status").asText("");
        OrderStatus status = DujiaoNextStatus.of(rawStatus);
        JsonNode item = d.path("items").path(0);
        String product = title(item.path("title"));
        Long productId = item.path("product_id").isNumber() ? item.path("product_id").asLong() : null;
        String category = settings.categories().categoryOf(productId, product);
        Instant paidAt = time(d.path("paid_at"));
        if (paidAt == null && status != OrderStatus.PENDING_PAYMENT && status != OrderStatus.CANCELLED) {
            paidAt = time(d.path("created_at"));
        }
        JsonNode fulfillment = d.path("fulfillment");
        Instant deliveredAt = time(fulfillment.path("delivered_at"));
        String payload = fulfillment.path("payload").asText("");
        boolean delivered = status == OrderStatus.DELIVERED || status == OrderStatus.COMPLETED;
        return new ShopOrder(d.path("order_no").asText(), null, product, category, item.path("fulfillment_type").asText(null),
                d.path("total_amount").asText(null), null, status, rawStatus, paidAt, delivered ? deliveredAt : null,
                rules.expectedBy(category, paidAt), delivered && !payload.isBlank() ? payload.strip() : null, false, null, null);
    }

    /** A title is a map of locale → text; Chinese first. */
    private static String title(JsonNode t) {
        if (t.isTextual()) {
            return t.asText();
        }
        for (String locale : new String[]{"zh-CN", "zh-TW", "en-US"}) {
            if (t.hasNonNull(locale)) {
                return t.get(locale).asText();
            }
        }
        Iterator<JsonNode> any = t.elements();
        return any.hasNext() ? any.next().asText() : "";
    }

    private static Instant time(JsonNode n) {
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(n.asText()).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The buyer's proof split into the order's email and its order password. */
    record Credentials(String email, String password) {

        static Optional<Credentials> parse(String proof) {
            if (proof == null) {
                return Optional.empty();
            }
            String[] parts = proof.strip().split("[\\s,，]+");
            String email = null;
            String password = null;
            for (String p : parts) {
                if (p.contains("@") && email == null) {
                    email = p;
                } else if (!p.isEmpty() && password == null) {
                    password = p;
                }
            }
            return email == null || password == null ? Optional.empty()
                    : Optional.of(new Credentials(email.toLowerCase(Locale.ROOT), password));
        }

        String header() {
            String token = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((email + "\n" + password).getBytes(StandardCharsets.UTF_8));
            return "Guest " + token;
        }
    }
}
