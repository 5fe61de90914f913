package kefu.shop.acgfaka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import kefu.shop.GoodsCategories;
import kefu.shop.OrderRules;
import kefu.shop.OrderStatus;
import kefu.shop.ShopOrder;
import kefu.shop.ShopProperties;
import kefu.shop.ShopUnavailableException;
import kefu.testsupport.RealRedis;
import kefu.testsupport.TestRedisTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The acg-faka adapter against a local server that answers as acg-faka's {@code app/Controller/User/Api/Index.php}
 * does: {@code query} lists orders for a trade number (or {@code 无数据}), {@code secret} gives the card secret,
 * checking the order's password when its goods have {@code password_status=1}.
 */
class AcgFakaOrdersTest {

    private static final ShopProperties.CategoryRule RULE = new ShopProperties.CategoryRule(5, 10, 30, 30, true, true);
    private static final OrderRules RULES = new OrderRules(new ShopProperties.Rules(Duration.ofMinutes(30), 24, 48,
            Map.of("game_card", RULE, "default", RULE)));
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicInteger secretCalls = new AtomicInteger();
    private HttpServer server;
    private AcgFakaOrders shop;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/user/api/index/query", ex -> {
            queries.incrementAndGet();
            String keywords = form(ex).getOrDefault("keywords", "").trim();
            ArrayNode data = json.createArrayNode();
            orders.values().stream().filter(o -> o.path("trade_no").asText().equals(keywords)
                    || o.path("contact").asText().equals(keywords)).forEach(data::add);
            ObjectNode answer = json.createObjectNode();
            if (data.isEmpty()) {
                answer.put("code", 0).put("msg", "无数据");
            } else {
                answer.put("code", 200).put("msg", "success").set("data", data);
            }
            reply(ex, answer);
        });
        server.createContext("/user/api/index/secret", ex -> {
            secretCalls.incrementAndGet();
            Map<String, String> f = form(ex);
            ObjectNode order = orders.values().stream().filter(o -> o.path("id").asText().equals(f.get("orderId")))
                    .findFirst().orElse(null);
            ObjectNode answer = json.createObjectNode();
            if (order == null) {
                answer.put("code", 0).put("msg", "未查询到相关信息");
            } else if (order.path("commodity").path("password_status").asInt() == 1
                    && !f.getOrDefault("password", "").equals(passwords.get(order.path("trade_no").asText()))) {
                answer.put("code", 0).put("msg", "密码错误");
            } else if (order.path("status").asInt() != 1) {
                answer.put("code", 0).put("msg", "该订单还未支付");
            } else {
                ObjectNode data = answer.put("code", 200).put("msg", "success").putObject("data");
                data.put("secret", "CARD-" + order.path("trade_no").asText());
                data.putNull("widget");
            }
            reply(ex, answer);
        });
        server.start();
        AcgFakaProperties props = new AcgFakaProperties("http://127.0.0.1:" + server.getAddress().getPort(),
                Duration.ofSeconds(15), Duration.ofSeconds(60), 5, Duration.ofMinutes(10), 2, "Asia/Shanghai",
                new GoodsCategories(List.of(new GoodsCategories.Rule("game_card", List.of(), List.of("点卡"))), "default"));
        shop = new AcgFakaOrders(props, RULES, TestRedisTemplate.create(), RealRedis.freshPrefix(), json, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aPaidOrderIsDeliveredAndItsContactProvesIt() {
        String no = tradeNo();
        add(no, 1, null, "buyer@qq.com", "网易一卡通点卡 50元", 0);

        ShopOrder o = shop.prove(no, "Buyer@QQ.com").orElseThrow();

        assertThat(o.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(o.category()).isEqualTo("game_card");
        assertThat(o.product()).isEqualTo("网易一卡通点卡 50元");
        assertThat(o.redeemCode()).isEqualTo("CARD-" + no);
        assertThat(o.paidAt()).isNotNull();
        assertThat(shop.prove(no, "other@qq.com")).isEmpty();
    }

    @Test
    void statusAndDeliveryStatusMapToTheBotsStatuses() {
        String unpaid = tradeNo();
        String waiting = tradeNo();
        String delivered = tradeNo();
        add(unpaid, 0, null, "a@qq.com", "商品", 0);
        add(waiting, 1, 0, "a@qq.com", "商品", 0);
        add(delivered, 1, 1, "a@qq.com", "商品", 0);

        assertThat(shop.order(unpaid, null).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(shop.order(waiting, null).orElseThrow().status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(shop.order(delivered, null).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(shop.order(tradeNo(), null)).isEmpty();
    }

    @Test
    void answersAreCachedSoTheShopIsAskedOncePerOrder() {
        String no = tradeNo();
        add(no, 1, 1, "a@qq.com", "商品", 0);

        for (int i = 0; i < 4; i++) {
            shop.order(no, null);
        }
        shop.prove(no, "a@qq.com");

        assertThat(queries.get()).isEqualTo(1);
    }

    @Test
    void theBotStaysUnderTheShopsQueryLimit() {
        for (int i = 0; i < 5; i++) {
            shop.order(tradeNo(), null);
        }

        assertThatThrownBy(() -> shop.order(tradeNo(), null)).isInstanceOf(ShopUnavailableException.class);
        assertThat(queries.get()).isEqualTo(5);
    }

    @Test
    void aPasswordProtectedSecretIsNeverRequestedSoNoTriesAreSpent() {
        String no = tradeNo();
        add(no, 1, 1, "a@qq.com", "商品", 1);
        passwords.put(no, "buyers-own");

        ShopOrder o = shop.prove(no, "a@qq.com").orElseThrow();

        assertThat(o.redeemCode()).isNull();
        assertThat(secretCalls.get()).isZero();
    }

    @Test
    void secretReadsPerOrderStayWithinTheBotsBudget() {
        String no = tradeNo();
        add(no, 1, 1, "a@qq.com", "商品", 0);

        for (int i = 0; i < 5; i++) {
            shop.order(no, null);
        }

        assertThat(secretCalls.get()).isEqualTo(2);
    }

    private void add(String tradeNo, int status, Integer deliveryStatus, String contact, String name, int passwordStatus) {
        ObjectNode o = json.createObjectNode();
        o.put("id", orders.size() + 100);
        o.put("trade_no", tradeNo);
        o.put("amount", "50.00");
        o.put("commodity_id", 7);
        o.put("create_time", "2026-11-30 10:00:00");
        o.put("pay_time", status == 1 ? "2026-11-30 10:01:00" : null);
        o.put("status", status);
        if (deliveryStatus != null) {
            o.put("delivery_status", deliveryStatus);
        }
        o.put("card_num", 1);
        o.put("contact", contact);
        o.putObject("commodity").put("id", 7).put("name", name).put("password_status", passwordStatus);
        orders.put(tradeNo, o);
    }

    private static String tradeNo() {
        return Long.toString(100_000_000_000_000_000L + (long) (Math.random() * 800_000_000_000_000_000L));
    }

    private static Map<String, String> form(HttpExchange ex) throws IOException {
        Map<String, String> f = new HashMap<>();
        for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                f.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return f;
    }

    private void reply(HttpExchange ex, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
