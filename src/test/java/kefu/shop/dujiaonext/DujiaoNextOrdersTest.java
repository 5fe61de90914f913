package kefu.shop.dujiaonext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import kefu.shop.GoodsCategories;
import kefu.shop.OrderRules;
import kefu.shop.OrderStatus;
import kefu.shop.ShopOrder;
import kefu.shop.ShopProperties;
import kefu.shop.ShopUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Dujiao-Next adapter against a local server answering as its guest route {@code GET /api/v1/guest/orders/:order_no}
 * does ({@code guest_handler.go}): the order only with the right email and order password (the storefront's
 * {@code Authorization: Guest base64url(email\npassword)}), 404 {@code guest_order_not_found} otherwise, and the
 * {@code {status_code, msg, data}} envelope.
 */
class DujiaoNextOrdersTest {

    private static final ShopProperties.CategoryRule RULE = new ShopProperties.CategoryRule(5, 10, 30, 30, true, true);
    private static final OrderRules RULES = new OrderRules(new ShopProperties.Rules(Duration.ofMinutes(30), 24, 48,
            Map.of("video_vip", RULE, "default", RULE)));
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private HttpServer server;
    private DujiaoNextOrders shop;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/guest/orders/", ex -> {
            if (down.get()) {
                reply(ex, 500, json.createObjectNode().put("status_code", 500).put("msg", "error.order_fetch_failed"));
                return;
            }
            String orderNo = ex.getRequestURI().getPath().substring("/api/v1/guest/orders/".length());
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String expected = "Guest " + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("buyer@example.com\nguest-pass").getBytes(StandardCharsets.UTF_8));
            String status = statuses.get(orderNo);
            if (status == null || !expected.equals(auth)) {
                reply(ex, 404, json.createObjectNode().put("status_code", 404).put("msg", "error.guest_order_not_found"));
                return;
            }
            ObjectNode answer = json.createObjectNode().put("status_code", 0).put("msg", "success");
            ObjectNode d = answer.putObject("data");
            d.put("order_no", orderNo).put("status", status).put("currency", "CNY").put("total_amount", "99.00")
                    .put("created_at", "2026-11-30T08:00:00Z");
            if (!status.equals("pending_payment") && !status.equals("canceled")) {
                d.put("paid_at", "2026-11-30T08:01:00Z");
            }
            ObjectNode item = d.putArray("items").addObject();
            item.put("product_id", 1001).putObject("title").put("zh-CN", "奈飞会员").put("en-US", "Netflix");
            item.put("quantity", 1).put("fulfillment_type", "auto");
            if (status.equals("delivered") || status.equals("completed")) {
                d.putObject("fulfillment").put("type", "auto").put("status", "delivered").put("payload", "NF-ACCOUNT-1")
                        .put("delivered_at", "2026-11-30T08:02:00Z");
            } else {
                d.putNull("fulfillment");
            }
            reply(ex, 200, answer);
        });
        server.start();
        shop = new DujiaoNextOrders(new DujiaoNextProperties("http://127.0.0.1:" + server.getAddress().getPort(),
                "/api/v1/guest/orders/{orderNo}", Duration.ofSeconds(15),
                new GoodsCategories(List.of(new GoodsCategories.Rule("video_vip", List.of(1001L), List.of())), "default")),
                RULES, json);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theEmailAndOrderPasswordTogetherOpenTheOrder() {
        statuses.put("DN202611300001", "delivered");

        ShopOrder o = shop.prove("DN202611300001", "buyer@example.com guest-pass").orElseThrow();

        assertThat(o.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(o.product()).isEqualTo("奈飞会员");
        assertThat(o.category()).isEqualTo("video_vip");
        assertThat(o.redeemCode()).isEqualTo("NF-ACCOUNT-1");
        assertThat(o.deliveredAt()).isNotNull();
        assertThat(shop.prove("DN202611300001", "buyer@example.com")).as("the email alone").isEmpty();
        assertThat(shop.prove("DN202611300001", "buyer@example.com wrong")).isEmpty();
        assertThat(shop.prove("DN202611300001", "guest-pass, Buyer@Example.com")).as("either order, any case").isPresent();
    }

    @Test
    void everyStatusMapsToTheBotsStatus() {
        Map<String, OrderStatus> expected = Map.of("pending_payment", OrderStatus.PENDING_PAYMENT, "paid", OrderStatus.PAID,
                "fulfilling", OrderStatus.PROCESSING, "partially_delivered", OrderStatus.PROCESSING,
                "delivered", OrderStatus.DELIVERED, "completed", OrderStatus.COMPLETED, "canceled", OrderStatus.CANCELLED,
                "refunded", OrderStatus.REFUNDED, "partially_refunded", OrderStatus.REFUNDED);
        int i = 10;
        for (var e : expected.entrySet()) {
            String no = "DN2026113000" + i++;
            statuses.put(no, e.getKey());
            ShopOrder o = shop.order(no, "buyer@example.com guest-pass").orElseThrow();
            assertThat(o.status()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(o.rawStatus()).isEqualTo(e.getKey());
        }
    }

    @Test
    void aFailingShopIsUnavailableNotMissing() {
        statuses.put("DN202611300002", "paid");
        down.set(true);

        assertThatThrownBy(() -> shop.order("DN202611300002", "buyer@example.com guest-pass"))
                .isInstanceOf(ShopUnavailableException.class);
    }

    private void reply(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
