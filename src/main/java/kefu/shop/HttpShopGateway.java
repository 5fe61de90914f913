package kefu.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The shop contract over HTTP ({@code docs/shop-api.md}): JSON, every request signed with HMAC-SHA256.
 * Calls that are safe to repeat (reads, and writes carrying an Idempotency-Key) are retried once;
 * anything else the shop does wrong becomes a {@link ShopUnavailableException}.
 */
public final class HttpShopGateway implements ShopGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpShopGateway.class);
    private static final String API = "/api/v1";
    private static final java.util.Set<String> NOT_FOUND = java.util.Set.of("not_found", "invalid_code");

    private final URI base;
    private final String apiKey;
    private final RequestSigner signer;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    private final Clock clock;

    public HttpShopGateway(URI base, String apiKey, RequestSigner signer, Duration connectTimeout,
                           Duration requestTimeout, ObjectMapper json, Clock clock) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.apiKey = apiKey;
        this.signer = signer;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public BindResult bind(String chatUser, String code) {
        Answer a = call("POST", API + "/bindings", Map.of("chatUser", chatUser, "code", code), null);
        return switch (a.status) {
            case 404 -> BindResult.invalid();
            case 429 -> BindResult.tooManyAttempts(a.instant("retryAfter"));
            default -> BindResult.bound(a.read("account", ShopAccount.class));
        };
    }

    @Override
    public Verification verify(String chatUser, String orderNo, String proof) {
        Answer a = call("POST", API + "/orders/" + enc(orderNo) + "/verify",
                Map.of("chatUser", chatUser, "proof", proof), null);
        return switch (a.status) {
            case 404 -> new Verification(Verification.Result.NOT_FOUND, null, null);
            case 429 -> new Verification(Verification.Result.TOO_MANY_ATTEMPTS, null, a.instant("retryAfter"));
            default -> new Verification(Verification.Result.VERIFIED, a.read("order", ShopOrder.class), null);
        };
    }

    @Override
    public Optional<ShopOrder> order(String orderNo) {
        Answer a = call("GET", API + "/orders/" + enc(orderNo), null, "");
        return a.status == 404 ? Optional.empty() : Optional.of(a.read(null, ShopOrder.class));
    }

    @Override
    public List<ShopOrder> recentOrders(String accountId, int limit) {
        Answer a = call("GET", API + "/accounts/" + enc(accountId) + "/orders?limit=" + limit, null, "");
        if (a.status == 404) {
            return List.of();
        }
        return List.of(a.read("orders", ShopOrder[].class));
    }

    @Override
    public UrgeResult urge(String orderNo, String chatUser, String idempotencyKey) {
        Answer a = call("POST", API + "/orders/" + enc(orderNo) + "/urge", Map.of("chatUser", chatUser), idempotencyKey);
        a.expect(200);
        return a.read(null, UrgeResult.class);
    }

    @Override
    public CancelResult cancel(String orderNo, String chatUser, String idempotencyKey) {
        Answer a = call("POST", API + "/orders/" + enc(orderNo) + "/cancel", Map.of("chatUser", chatUser), idempotencyKey);
        a.expect(200);
        return a.read(null, CancelResult.class);
    }

    @Override
    public String upload(String chatUser, String fileName, String mimeType, byte[] content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chatUser", chatUser);
        body.put("fileName", fileName);
        body.put("mimeType", mimeType);
        body.put("contentBase64", Base64.getEncoder().encodeToString(content));
        String key = RequestSigner.sha256Hex(chatUser + "\n" + RequestSigner.sha256Hex(content));
        Answer a = call("POST", API + "/evidence", body, key);
        a.expect(201);
        return a.body.path("id").asText();
    }

    @Override
    public TicketResult file(TicketRequest request, String idempotencyKey) {
        Answer a = call("POST", API + "/tickets", request, idempotencyKey);
        return switch (a.status) {
            case 409 -> new TicketResult(a.read("ticket", ShopTicket.class), "open_ticket_exists", null);
            case 422 -> new TicketResult(null, "not_eligible", a.body.path("rule").asText());
            default -> {
                a.expect(201);
                yield new TicketResult(a.read("ticket", ShopTicket.class), null, null);
            }
        };
    }

    @Override
    public Optional<ShopTicket> ticket(String ticketNo) {
        Answer a = call("GET", API + "/tickets/" + enc(ticketNo), null, "");
        return a.status == 404 ? Optional.empty() : Optional.of(a.read(null, ShopTicket.class));
    }

    @Override
    public Optional<List<ListedTicket>> tickets(List<String> statuses, int limit) {
        return optionalList("tickets", statuses, limit, Answer::listed);
    }

    @Override
    public TicketChange changeTicket(String ticketNo, String status, String note, String by, String idempotencyKey) {
        Answer a = call("POST", API + "/tickets/" + enc(ticketNo) + "/status",
                Map.of("status", status, "note", note == null ? "" : note, "by", by), idempotencyKey, true);
        if (a.absent()) {
            return TicketChange.of(TicketChange.Outcome.UNSUPPORTED);
        }
        return switch (a.status) {
            case 404 -> TicketChange.of(TicketChange.Outcome.NOT_FOUND);
            case 422 -> TicketChange.of(TicketChange.Outcome.REFUSED);
            default -> {
                a.expect(200);
                yield TicketChange.changed(a.listed(a.body.path("ticket")));
            }
        };
    }

    @Override
    public Optional<List<ListedUrge>> urges(List<String> statuses, int limit) {
        return optionalList("urges", statuses, limit, Answer::urge);
    }

    /**
     * One of the contract's optional staff lists ({@code GET /tickets}, {@code GET /urges}): the items under the
     * field of the same name, or empty when the shop does not offer it.
     */
    private <T> Optional<List<T>> optionalList(String name, List<String> statuses, int limit,
                                               BiFunction<Answer, JsonNode, T> read) {
        // Statuses are the contract's own words: nothing in them to encode.
        String query = "?limit=" + limit + (statuses.isEmpty() ? "" : "&status=" + String.join(",", statuses));
        Answer a = call("GET", API + "/" + name + query, null, "", true);
        if (a.absent()) {
            return Optional.empty();
        }
        a.expect(200);
        List<T> items = new ArrayList<>();
        for (JsonNode item : a.body.path(name)) {
            items.add(read.apply(a, item));
        }
        return Optional.of(items);
    }

    /**
     * Sends one signed request. {@code idempotencyKey} non-null (empty for reads) marks the call as safe
     * to repeat; a repeat gets a fresh nonce, as the shop refuses a nonce it has seen.
     */
    private Answer call(String method, String path, Object body, String idempotencyKey) {
        return call(method, path, body, idempotencyKey, false);
    }

    /**
     * {@code optional}: an endpoint the contract lets a shop leave out, so an unknown path (404 without a known error,
     * or 405) is an answer the caller reads as "not offered" rather than a misconfigured base URL.
     */
    private Answer call(String method, String path, Object body, String idempotencyKey, boolean optional) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a shop request", e);
        }
        int attempts = idempotencyKey != null ? 2 : 1;
        ShopUnavailableException last = null;
        for (int i = 0; i < attempts; i++) {
            try {
                Answer a = send(method, path, bytes, idempotencyKey);
                if (a.status >= 500) {
                    last = new ShopUnavailableException("shop answered " + a.status + " to " + method + " " + path);
                    continue;
                }
                boolean knownNotFound = a.status == 404 && NOT_FOUND.contains(a.body.path("error").asText());
                if (a.status == 404 && !knownNotFound && !optional) {
                    throw new ShopUnavailableException("shop has no endpoint " + method + " " + path
                            + " — check kefu.shop.base-url");
                }
                if (a.status == 401 || a.status == 403 || a.status == 400 || a.status == 413 || a.status == 415) {
                    throw new ShopUnavailableException("shop refused " + method + " " + path + ": " + a.status
                            + " " + a.body.path("error").asText());
                }
                return a;
            } catch (IOException e) {
                last = new ShopUnavailableException("shop unreachable at " + base + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShopUnavailableException("interrupted while calling the shop", e);
            }
        }
        log.warn("shop call failed: {}", last.getMessage());
        throw last;
    }

    private Answer send(String method, String path, byte[] bytes, String idempotencyKey)
            throws IOException, InterruptedException {
        long ts = clock.instant().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        URI target = URI.create(base + path);
        // The signed path is the one the shop receives, including any prefix in the base URL.
        String signedPath = target.getRawQuery() == null ? target.getRawPath()
                : target.getRawPath() + "?" + target.getRawQuery();
        HttpRequest.Builder rb = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(RequestSigner.API_KEY, apiKey)
                .header(RequestSigner.TIMESTAMP, Long.toString(ts))
                .header(RequestSigner.NONCE, nonce)
                .header(RequestSigner.SIGNATURE, signer.sign(method, signedPath, ts, nonce, bytes))
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (idempotencyKey != null && !idempotencyKey.isEmpty()) {
            rb.header(RequestSigner.IDEMPOTENCY_KEY, idempotencyKey);
        }
        HttpResponse<byte[]> response = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode tree;
        try {
            tree = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            // A web framework's own page for a path it has no route for: the status says enough.
            if (response.statusCode() == 404 || response.statusCode() == 405) {
                return new Answer(response.statusCode(), json.createObjectNode(), method + " " + path);
            }
            throw new ShopUnavailableException("shop answered something that is not JSON to " + method + " " + path, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ShopUnavailableException("shop answered something that is not a JSON object to " + method + " " + path);
        }
        return new Answer(response.statusCode(), tree, method + " " + path);
    }

    private static String enc(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private final class Answer {
        final int status;
        final JsonNode body;
        final String what;

        Answer(int status, JsonNode body, String what) {
            this.status = status;
            this.body = body;
            this.what = what;
        }

        Instant instant(String field) {
            try {
                return Instant.parse(body.path(field).asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw new ShopUnavailableException("shop answer to " + what + " has no valid " + field, e);
            }
        }

        /** An optional endpoint the shop does not offer. */
        boolean absent() {
            return status == 405 || (status == 404 && !NOT_FOUND.contains(body.path("error").asText()));
        }

        ListedTicket listed(JsonNode node) {
            try {
                ShopTicket ticket = node.isObject() ? json.treeToValue(node, ShopTicket.class) : null;
                if (ticket == null || ticket.ticketNo() == null) {
                    throw new ShopUnavailableException("shop answer to " + what + " lacks a ticket");
                }
                return new ListedTicket(ticket, node.path("chatUser").isTextual() ? node.path("chatUser").asText() : null);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new ShopUnavailableException("shop answer to " + what + " does not follow the contract", e);
            }
        }

        ListedUrge urge(JsonNode node) {
            try {
                ListedUrge urge = node.isObject() ? json.treeToValue(node, ListedUrge.class) : null;
                if (urge == null || urge.orderNo() == null || urge.urgedAt() == null) {
                    throw new ShopUnavailableException("shop answer to " + what + " lacks an urged order");
                }
                return urge;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new ShopUnavailableException("shop answer to " + what + " does not follow the contract", e);
            }
        }

        void expect(int wanted) {
            if (status != wanted) {
                throw new ShopUnavailableException("shop answered " + status + " to " + what + " ("
                        + body.path("error").asText() + ")");
            }
        }

        <T> T read(String field, Class<T> type) {
            JsonNode node = field == null ? body : body.get(field);
            try {
                T value = node == null || node.isNull() ? null : json.treeToValue(node, type);
                if (value == null) {
                    throw new ShopUnavailableException("shop answer to " + what + " lacks " + field);
                }
                return value;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new ShopUnavailableException("shop answer to " + what + " does not follow the contract", e);
            }
        }
    }
}
