package kefu.shop.acgfaka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.OrderRules;
import kefu.shop.OrderSource;
import kefu.shop.OrderStatus;
import kefu.shop.ShopOrder;
import kefu.shop.ShopUnavailableException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads orders through acg-faka's buyer API ({@code app/Controller/User/Api/Index.php}):
 * {@code POST /user/api/index/query} with {@code keywords} = the trade number, and, for a paid order whose goods
 * need no extraction password, {@code POST /user/api/index/secret} for the card secret. acg-faka answers a query
 * for a trade number without any proof; the bot asks the buyer for the order's contact (what they typed at
 * checkout) and compares. Answers are cached in Redis and queries counted per window, so the bot never exceeds
 * the shop's per-IP limit; a password-protected secret is never requested, so no buyer's tries are spent.
 */
public final class AcgFakaOrders implements OrderSource {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String NONE = "{}";

    private final AcgFakaProperties settings;
    private final OrderRules rules;
    private final StringRedisTemplate redis;
    private final String prefix;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final URI base;
    private final ZoneId zone;

    public AcgFakaOrders(AcgFakaProperties settings, OrderRules rules, StringRedisTemplate redis, String prefix,
                         ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.rules = rules;
        this.redis = redis;
        this.prefix = prefix;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1).build();
        String b = settings.baseUrl().strip();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.zone = ZoneId.of(settings.timezone());
    }

    @Override
    public Optional<ShopOrder> prove(String orderNo, String proof) {
        Optional<JsonNode> row = row(orderNo);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String contact = row.get().path("contact").asText("").strip();
        return !contact.isEmpty() && contact.equalsIgnoreCase(proof.strip()) ? Optional.of(view(row.get())) : Optional.empty();
    }

    @Override
    public Optional<ShopOrder> order(String orderNo, String proof) {
        return row(orderNo).map(this::view);
    }

    /** The order's row from the query answer, from the cache when it is fresh; {@code {}} caches "no such order". */
    private Optional<JsonNode> row(String orderNo) {
        String tradeNo = orderNo.strip();
        if (!tradeNo.chars().allMatch(Character::isLetterOrDigit)) {
            return Optional.empty();
        }
        String cacheKey = prefix + "order:" + tradeNo;
        String cached = redis.opsForValue().get(cacheKey);
        if (cached == null) {
            spendQuery();
            JsonNode answer = post("/user/api/index/query", Map.of("keywords", tradeNo));
            JsonNode found = null;
            if (answer.path("code").asInt() == 200) {
                for (JsonNode o : answer.path("data")) {
                    if (tradeNo.equals(o.path("trade_no").asText())) {
                        found = o;
                    }
                }
            // "无数据" is acg-faka's own wording for "no such order" (its API answers in Chinese): matched as the
            // shop sends it, so it is no text of ours and stays here, next to the call it belongs to.
            } else if (!"无数据".equals(answer.path("msg").asText())) {
                throw new ShopUnavailableException("acg-faka query answered " + answer.path("code").asText() + " "
                        + answer.path("msg").asText());
            }
            cached = found == null ? NONE : found.toString();
            redis.opsForValue().set(cacheKey, cached, settings.cacheFor());
        }
        try {
            JsonNode node = json.readTree(cached);
            return node.size() == 0 ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cached acg-faka answer is damaged", e);
        }
    }

    private ShopOrder view(JsonNode o) {
        String tradeNo = o.path("trade_no").asText();
        JsonNode commodity = o.path("commodity");
        String product = commodity.path("name").asText("");
        String category = settings.categories().categoryOf(o.path("commodity_id").isNumber() ? o.path("commodity_id").asLong()
                : null, product);
        boolean paid = o.path("status").asInt() == 1;
        // delivery_status exists in later versions only; without it a paid order has been delivered (cards go out on payment).
        boolean delivered = paid && (!o.has("delivery_status") || o.path("delivery_status").asInt() == 1);
        OrderStatus status = !paid ? OrderStatus.PENDING_PAYMENT : delivered ? OrderStatus.DELIVERED : OrderStatus.PROCESSING;
        String raw = "status=" + o.path("status").asInt() + (o.has("delivery_status") ? ",delivery_status="
                + o.path("delivery_status").asInt() : "");
        Instant paidAt = paid ? time(o.path("pay_time").asText(null)) : null;
        String secret = delivered && commodity.path("password_status").asInt() == 0 ? secret(o) : null;
        return new ShopOrder(tradeNo, null, product, category, null, o.path("amount").asText(null), null, status, raw,
                paidAt, delivered ? paidAt : null, rules.expectedBy(category, paidAt), secret, false, null, null);
    }

    /** The card secret of a delivered order whose goods need no password, within the bot's own per-order budget. */
    private String secret(JsonNode o) {
        String tradeNo = o.path("trade_no").asText();
        String counter = prefix + "secret-reads:" + tradeNo;
        Long n = redis.opsForValue().increment(counter);
        if (n != null && n == 1) {
            redis.expire(counter, Duration.ofHours(1));
        }
        if (n == null || n > settings.secretReadsPerOrderPerHour()) {
            return null;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("orderId", o.path("id").asText());
        form.put("tradeNo", tradeNo);
        form.put("password", "");
        JsonNode answer = post("/user/api/index/secret", form);
        String secret = answer.path("code").asInt() == 200 ? answer.path("data").path("secret").asText("") : "";
        return secret.isBlank() ? null : secret.strip();
    }

    private void spendQuery() {
        long window = Math.max(1, settings.window().toSeconds());
        String counter = prefix + "queries:" + (clock.instant().getEpochSecond() / window);
        Long n = redis.opsForValue().increment(counter);
        if (n != null && n == 1) {
            redis.expire(counter, settings.window().plusSeconds(5));
        }
        if (n == null || n > settings.queriesPerWindow()) {
            throw new ShopUnavailableException("acg-faka: the bot's " + settings.queriesPerWindow()
                    + " order queries for this window are spent (the shop allows 30 per 10 minutes per IP)");
        }
    }

    private JsonNode post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ShopUnavailableException("acg-faka answered HTTP " + response.statusCode() + " to " + path);
            }
            JsonNode tree = json.readTree(response.body());
            if (tree == null || !tree.isObject()) {
                throw new ShopUnavailableException("acg-faka answered something that is not a JSON object to " + path);
            }
            return tree;
        } catch (IOException e) {
            throw new ShopUnavailableException("acg-faka unreachable at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopUnavailableException("interrupted while calling acg-faka", e);
        }
    }

    private Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
