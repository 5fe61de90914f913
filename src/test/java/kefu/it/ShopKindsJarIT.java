package kefu.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import kefu.shop.SandboxFixtures;
import kefu.testsupport.DujiaokaDatabase;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chat --json} from the packaged jar on each shop kind the bot connects to directly: a buyer looks an order up,
 * proves it, sees the card secret, urges or files after-sales — configured only through the environment.
 */
class ShopKindsJarIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void dujiaokaOrdersInADatabaseNobodyPreparedForTheBot() throws Exception {
        try (DujiaokaDatabase db = DujiaokaDatabase.create()) {
            db.goods(1, "爱奇艺黄金会员月卡", 1);
            db.goods(2, "王者荣耀点券 代充", 2);
            db.order("JAR0DUJIAOKA0001", 1, "爱奇艺黄金会员月卡", 1, 4, "buyer@example.com", "", "IQIYI-CARD-42",
                    Duration.ofHours(2), Duration.ofHours(2));
            db.order("JAR0DUJIAOKA0002", 2, "王者荣耀点券 代充", 2, 3, "buyer@example.com", "pw8899", "游戏账号: 123",
                    Duration.ofMinutes(50), Duration.ofMinutes(50));
            Path shot = SandboxFixtures.png();
            List<JsonNode> out = chat(Map.of("KEFU_SHOP_KIND", "dujiaoka", "KEFU_SHOP_DB_URL", db.url(),
                    "KEFU_SHOP_DB_USER", db.user(), "KEFU_SHOP_DB_PASSWORD", db.password()),
                    "{\"user\":\"a\",\"text\":\"JAR0DUJIAOKA0002\"}",
                    "{\"user\":\"a\",\"text\":\"pw8899\"}",
                    "{\"user\":\"a\",\"button\":\"pick:urge:JAR0DUJIAOKA0002\"}",
                    "{\"user\":\"a\",\"text\":\"JAR0DUJIAOKA0001\"}",
                    "{\"user\":\"a\",\"text\":\"buyer@example.com\"}",
                    "{\"user\":\"a\",\"button\":\"pick:after_sales:JAR0DUJIAOKA0001\"}",
                    "{\"user\":\"a\",\"button\":\"as:reason:not_working\"}",
                    "{\"user\":\"a\",\"text\":\"激活码无效\"}",
                    "{\"user\":\"a\",\"photo\":\"" + shot.toString().replace("\\", "\\\\") + "\"}",
                    "{\"user\":\"a\",\"button\":\"as:submit\"}");

            assertThat(out).hasSize(10);
            assertThat(out.get(1).toString()).contains("JAR0DUJIAOKA0002").contains("pick:urge:JAR0DUJIAOKA0002");
            assertThat(out.get(2).get("intent").asText()).isEqualTo("urge_order");
            assertThat(out.get(3).toString()).doesNotContain("IQIYI-CARD-42");
            assertThat(out.get(4).toString()).contains("IQIYI-CARD-42");
            assertThat(out.get(9).get("flow").isNull()).isTrue();
            assertThat(out.get(9).toString()).containsPattern("T\\d{8}\\d{5}");
        }
    }

    @Test
    void acgFakaThroughItsBuyerApi() throws Exception {
        HttpServer shop = server();
        shop.createContext("/user/api/index/query", ex -> reply(ex, ("{\"code\":200,\"msg\":\"success\",\"data\":[{\"id\":5,"
                + "\"trade_no\":\"123231130101500456\",\"amount\":\"30.00\",\"commodity_id\":3,\"create_time\":\"2026-11-30 10:15:00\","
                + "\"pay_time\":\"2026-11-30 10:15:30\",\"status\":1,\"card_num\":1,\"contact\":\"buyer@qq.com\","
                + "\"commodity\":{\"id\":3,\"name\":\"网易一卡通 30元\",\"password_status\":0}}]}")));
        shop.createContext("/user/api/index/secret", ex -> reply(ex,
                "{\"code\":200,\"msg\":\"success\",\"data\":{\"secret\":\"NETEASE-30-XYZ\",\"widget\":null}}"));
        shop.start();
        try {
            List<JsonNode> out = chat(Map.of("KEFU_SHOP_KIND", "acg-faka",
                    "KEFU_SHOP_ACG_FAKA_BASE_URL", "http://127.0.0.1:" + shop.getAddress().getPort()),
                    "{\"user\":\"a\",\"text\":\"123231130101500456\"}",
                    "{\"user\":\"a\",\"text\":\"buyer@qq.com\"}");

            assertThat(out).hasSize(2);
            assertThat(out.get(0).toString()).doesNotContain("NETEASE-30-XYZ");
            assertThat(out.get(1).toString()).contains("NETEASE-30-XYZ");
        } finally {
            shop.stop(0);
        }
    }

    @Test
    void dujiaoNextThroughItsGuestApi() throws Exception {
        HttpServer shop = server();
        shop.createContext("/api/v1/guest/orders/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String expected = "Guest " + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("buyer@example.com\nguest-pass".getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                reply(ex, 404, "{\"status_code\":404,\"msg\":\"error.guest_order_not_found\"}");
                return;
            }
            reply(ex, "{\"status_code\":0,\"msg\":\"success\",\"data\":{\"order_no\":\"DN202611300001\",\"status\":\"fulfilling\","
                    + "\"currency\":\"CNY\",\"total_amount\":\"99.00\",\"created_at\":\"2026-11-30T08:00:00Z\",\"paid_at\":\"2026-11-30T08:01:00Z\","
                    + "\"items\":[{\"product_id\":1001,\"title\":{\"zh-CN\":\"奈飞会员\"},\"quantity\":1,\"fulfillment_type\":\"manual\"}],"
                    + "\"fulfillment\":null}}");
        });
        shop.start();
        try {
            List<JsonNode> out = chat(Map.of("KEFU_SHOP_KIND", "dujiao-next",
                    "KEFU_SHOP_DUJIAO_NEXT_BASE_URL", "http://127.0.0.1:" + shop.getAddress().getPort()),
                    "{\"user\":\"a\",\"text\":\"DN202611300001\"}",
                    "{\"user\":\"a\",\"text\":\"buyer@example.com wrong\"}",
                    "{\"user\":\"a\",\"text\":\"DN202611300001\"}",
                    "{\"user\":\"a\",\"text\":\"buyer@example.com guest-pass\"}");

            assertThat(out).hasSize(4);
            assertThat(out.get(1).toString()).doesNotContain("奈飞会员");
            assertThat(out.get(3).toString()).contains("奈飞会员").contains("DN202611300001");
        } finally {
            shop.stop(0);
        }
    }

    private List<JsonNode> chat(Map<String, String> env, String... lines) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("KEFU_REDIS_URL", RealRedis.url());
        all.put("KEFU_REDIS_KEY_PREFIX", RealRedis.freshPrefix());
        PackagedJar.Run run = PackagedJar.run(List.of("chat", "--json"), String.join("\n", lines) + "\n",
                Files.createTempDirectory("kefu-kind-it"), all);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.stdout()) {
            out.add(json.readTree(line));
        }
        return out;
    }

    private static HttpServer server() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    private static void reply(HttpExchange ex, String body) throws IOException {
        reply(ex, 200, body);
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
