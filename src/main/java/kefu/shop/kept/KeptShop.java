package kefu.shop.kept;

import kefu.shop.BindResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.CancelResult;
import kefu.shop.ListedTicket;
import kefu.shop.ListedUrge;
import kefu.shop.OrderRules;
import kefu.shop.OrderSource;
import kefu.shop.ShopAccount;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopTicket;
import kefu.shop.TicketChange;
import kefu.shop.TicketRequest;
import kefu.shop.TicketResult;
import kefu.shop.UrgeResult;
import kefu.shop.Verification;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The shop port for shops that can only be read ({@link OrderSource}): orders come from the shop, while urges,
 * cancel requests and after-sales tickets — which dujiaoka, acg-faka and Dujiao-Next do not keep — live in the
 * bot's Redis under {@code prefix}, judged by the same {@link OrderRules} as the sandbox. Wrong proofs are
 * counted here too, per chat user and per order, so nobody can guess a query password through the bot.
 */
public final class KeptShop implements ShopGateway, KeptTickets {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final Set<String> REASONS = Set.of("not_received", "not_as_described", "not_working", "other");

    private final String variant;
    private final OrderSource source;
    private final StringRedisTemplate redis;
    private final String prefix;
    private final ObjectMapper json;
    private final OrderRules rules;
    private final KeptProperties settings;
    private final Supplier<KeptEvents> events;
    private final Clock clock;

    public KeptShop(String variant, OrderSource source, StringRedisTemplate redis, String prefix, ObjectMapper json, OrderRules rules,
                    KeptProperties settings, Supplier<KeptEvents> events, Clock clock) {
        this.variant = variant;
        this.source = source;
        this.redis = redis;
        this.prefix = prefix;
        this.json = json;
        this.rules = rules;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String replyVariant() {
        return variant;
    }

    /** These shops have no accounts a chat could be bound to: buyers prove each order instead. */
    @Override
    public BindResult bind(String chatUser, String code) {
        return BindResult.invalid();
    }

    @Override
    public Verification verify(String chatUser, String orderNo, String proof) {
        String no = norm(orderNo);
        String byUser = key("proof-fail:" + chatUser);
        String byOrder = key("proof-fail-order:" + no);
        Optional<Instant> blocked = blockedUntil(byUser, settings.proofFailuresPerHour())
                .or(() -> blockedUntil(byOrder, settings.proofFailuresPerOrderPerHour()));
        if (blocked.isPresent()) {
            return new Verification(Verification.Result.TOO_MANY_ATTEMPTS, null, blocked.get());
        }
        Optional<ShopOrder> order = proof == null || proof.isBlank() ? Optional.empty() : source.prove(no, proof.strip());
        if (order.isEmpty()) {
            countFailure(byUser);
            countFailure(byOrder);
            return new Verification(Verification.Result.NOT_FOUND, null, null);
        }
        if (source.readsNeedProof()) {
            redis.opsForValue().set(key("proof:" + no), proof.strip(), settings.proofMemory());
        }
        return new Verification(Verification.Result.VERIFIED, decorate(order.get()), null);
    }

    @Override
    public Optional<ShopOrder> order(String orderNo) {
        String no = norm(orderNo);
        String proof = source.readsNeedProof() ? redis.opsForValue().get(key("proof:" + no)) : null;
        if (source.readsNeedProof() && proof == null) {
            return Optional.empty();
        }
        return source.order(no, proof).map(this::decorate);
    }

    @Override
    public List<ShopOrder> recentOrders(String accountId, int limit) {
        return List.of();
    }

    @Override
    public UrgeResult urge(String orderNo, String chatUser, String idempotencyKey) {
        String replay = redis.opsForValue().get(key("idem:" + idempotencyKey));
        if (replay != null) {
            return read(replay, UrgeResult.class);
        }
        ShopOrder order = order(orderNo).orElseThrow(() -> new IllegalArgumentException("no order " + orderNo));
        Instant now = clock.instant();
        String urgeKey = key("urge:" + order.orderNo());
        Object last = redis.opsForHash().get(urgeKey, "last");
        OrderRules.Check check = rules.urge(order, last == null ? null : Instant.parse(last.toString()), now);
        int count = Integer.parseInt(String.valueOf(Objects.requireNonNullElse(redis.opsForHash().get(urgeKey, "count"), "0")));
        UrgeResult result;
        if (!check.allowed()) {
            result = new UrgeResult(false, check.reason(), check.at(), null, count);
        } else {
            var rule = rules.category(order.category());
            redis.opsForHash().put(urgeKey, "last", now.toString());
            redis.opsForHash().put(urgeKey, "chatUser", chatUser);
            count = redis.opsForHash().increment(urgeKey, "count", 1).intValue();
            redis.expire(urgeKey, settings.recordTtl());
            redis.opsForZSet().add(key("urges"), order.orderNo(), now.toEpochMilli());
            result = new UrgeResult(true, null, now.plus(Duration.ofMinutes(rule.urgeGapMinutes())),
                    now.plus(Duration.ofMinutes(rule.urgeHandlingMinutes())), count);
            events.get().urged(order, chatUser, count);
        }
        remember(idempotencyKey, result);
        return result;
    }

    /** The shop cannot cancel: an allowed cancellation becomes a request staff handle, like a ticket. */
    @Override
    public CancelResult cancel(String orderNo, String chatUser, String idempotencyKey) {
        ShopOrder order = order(orderNo).orElseThrow(() -> new IllegalArgumentException("no order " + orderNo));
        OrderRules.Check check = rules.cancel(order, clock.instant());
        if (!check.allowed()) {
            return new CancelResult(false, check.reason(), order.status());
        }
        TicketResult filed = open(order, chatUser, KeptTicket.CANCEL_REQUEST, "", List.of());
        return new CancelResult(false, filed.filed() || filed.ticket() != null ? "requested" : "status", order.status());
    }

    @Override
    public String upload(String chatUser, String fileName, String mimeType, byte[] content) {
        if (content.length > settings.maxEvidenceBytes()) {
            throw new IllegalArgumentException("evidence file larger than " + settings.maxEvidenceBytes() + " bytes");
        }
        String id = "EV" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("chatUser", chatUser);
        meta.put("fileName", fileName == null ? "" : fileName);
        meta.put("mimeType", mimeType == null ? "" : mimeType);
        meta.put("content", Base64.getEncoder().encodeToString(content));
        redis.opsForHash().putAll(key("evidence:" + id), meta);
        redis.expire(key("evidence:" + id), settings.recordTtl());
        return id;
    }

    @Override
    public TicketResult file(TicketRequest request, String idempotencyKey) {
        String replay = redis.opsForValue().get(key("idem:" + idempotencyKey));
        if (replay != null) {
            return read(replay, TicketResult.class);
        }
        if (!REASONS.contains(request.reason())) {
            throw new IllegalArgumentException("unknown after-sales reason " + request.reason());
        }
        ShopOrder order = order(request.orderNo()).orElseThrow(() -> new IllegalArgumentException("no order " + request.orderNo()));
        OrderRules.Check check = rules.afterSales(order, clock.instant());
        TicketResult result = check.allowed()
                ? open(order, request.chatUser(), request.reason(), request.description(), request.evidence())
                : new TicketResult(null, "not_eligible", check.reason());
        remember(idempotencyKey, result);
        return result;
    }

    @Override
    public Optional<ShopTicket> ticket(String ticketNo) {
        return kept(ticketNo).map(KeptTicket::ticket);
    }

    /** The shop has no tickets: the ones the bot keeps are staff's through {@link KeptTickets}. */
    @Override
    public Optional<List<ListedTicket>> tickets(List<String> statuses, int limit) {
        return Optional.empty();
    }

    @Override
    public TicketChange changeTicket(String ticketNo, String status, String note, String by, String idempotencyKey) {
        return TicketChange.of(TicketChange.Outcome.UNSUPPORTED);
    }

    /** Nor urges of its own: staff list the bot's through {@link KeptTickets#latestUrges}. */
    @Override
    public Optional<List<ListedUrge>> urges(List<String> statuses, int limit) {
        return Optional.empty();
    }

    @Override
    public Optional<KeptTicket> kept(String ticketNo) {
        if (ticketNo == null || ticketNo.isBlank()) {
            return Optional.empty();
        }
        String raw = redis.opsForValue().get(key("ticket:" + ticketNo.strip().toUpperCase(Locale.ROOT)));
        return raw == null ? Optional.empty() : Optional.of(read(raw, KeptTicket.class));
    }

    @Override
    public List<KeptTicket> open() {
        List<KeptTicket> open = new ArrayList<>();
        Set<String> numbers = redis.opsForZSet().range(key("tickets"), 0, -1);
        for (String no : numbers == null ? Set.<String>of() : numbers) {
            kept(no).filter(t -> t.ticket().open()).ifPresent(open::add);
        }
        return open;
    }

    @Override
    public List<KeptTicket> latest(int limit) {
        List<KeptTicket> latest = new ArrayList<>();
        Set<String> numbers = redis.opsForZSet().reverseRange(key("tickets"), 0, limit - 1L);
        for (String no : numbers == null ? Set.<String>of() : numbers) {
            kept(no).ifPresent(latest::add);
        }
        return latest;
    }

    @Override
    public List<KeptUrge> latestUrges(int limit) {
        List<KeptUrge> latest = new ArrayList<>();
        Set<String> orders = redis.opsForZSet().reverseRange(key("urges"), 0, limit - 1L);
        for (String no : orders == null ? Set.<String>of() : orders) {
            Map<Object, Object> urge = redis.opsForHash().entries(key("urge:" + no));
            if (urge.get("last") != null) {
                latest.add(new KeptUrge(no, String.valueOf(urge.get("chatUser")),
                        Integer.parseInt(String.valueOf(urge.getOrDefault("count", "0"))), Instant.parse(urge.get("last").toString())));
            }
        }
        return latest;
    }

    @Override
    public Optional<KeptTicket> change(String ticketNo, String status, String note) {
        if (!KeptTicket.STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown ticket status " + status);
        }
        Optional<KeptTicket> found = kept(ticketNo);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KeptTicket k = found.get();
        ShopTicket t = k.ticket();
        List<ShopTicket.Message> messages = new ArrayList<>(t.messages());
        if (note != null && !note.isBlank()) {
            messages.add(new ShopTicket.Message(clock.instant(), "staff", note.strip()));
        }
        KeptTicket next = new KeptTicket(new ShopTicket(t.ticketNo(), t.orderNo(), status, t.reason(), t.slaHoursMin(),
                t.slaHoursMax(), t.createdAt(), messages), k.chatUser(), k.evidence());
        write(key("ticket:" + t.ticketNo()), next);
        if (!next.ticket().open()) {
            redis.delete(key("open-ticket:" + t.orderNo()));
        }
        events.get().changed(next, note);
        return Optional.of(next);
    }

    @Override
    public Optional<byte[]> evidence(String id) {
        Object content = redis.opsForHash().get(key("evidence:" + id), "content");
        return content == null ? Optional.empty() : Optional.of(Base64.getDecoder().decode(content.toString()));
    }

    @Override
    public int urges(String orderNo) {
        Object n = redis.opsForHash().get(key("urge:" + norm(orderNo)), "count");
        return n == null ? 0 : Integer.parseInt(n.toString());
    }

    private TicketResult open(ShopOrder order, String chatUser, String reason, String description, List<String> evidence) {
        for (String id : evidence) {
            if (!Boolean.TRUE.equals(redis.hasKey(key("evidence:" + id)))) {
                throw new IllegalArgumentException("unknown evidence " + id);
            }
        }
        Instant now = clock.instant();
        String ticketNo = "T" + DAY.format(now) + String.format("%05d", redis.opsForValue().increment(key("ticket-seq")));
        Boolean claimed = redis.opsForValue().setIfAbsent(key("open-ticket:" + order.orderNo()), ticketNo);
        if (!Boolean.TRUE.equals(claimed)) {
            String existing = redis.opsForValue().get(key("open-ticket:" + order.orderNo()));
            return new TicketResult(kept(existing).map(KeptTicket::ticket).orElse(null), "open_ticket_exists", null);
        }
        List<ShopTicket.Message> messages = description == null || description.isBlank() ? List.of()
                : List.of(new ShopTicket.Message(now, "buyer", description));
        KeptTicket ticket = new KeptTicket(new ShopTicket(ticketNo, order.orderNo(), "open", reason, rules.slaHoursMin(),
                rules.slaHoursMax(), now, messages), chatUser, evidence);
        write(key("ticket:" + ticketNo), ticket);
        redis.opsForZSet().add(key("tickets"), ticketNo, now.toEpochMilli());
        events.get().filed(ticket, order);
        return new TicketResult(ticket.ticket(), null, null);
    }

    private ShopOrder decorate(ShopOrder o) {
        String open = redis.opsForValue().get(key("open-ticket:" + o.orderNo()));
        if (open == null || open.equals(o.openTicket())) {
            return o;
        }
        return new ShopOrder(o.orderNo(), o.account(), o.product(), o.category(), o.deliveryType(), o.amount(),
                o.rechargeTarget(), o.status(), o.rawStatus(), o.paidAt(), o.deliveredAt(), o.expectedBy(), o.redeemCode(),
                o.used(), o.expiresAt(), open);
    }

    private Optional<Instant> blockedUntil(String counter, int limit) {
        String count = redis.opsForValue().get(counter);
        if (count == null || Integer.parseInt(count) < limit) {
            return Optional.empty();
        }
        Long ttl = redis.getExpire(counter);
        return Optional.of(clock.instant().plusSeconds(ttl == null || ttl < 0 ? 3600 : ttl));
    }

    private void countFailure(String counter) {
        Long n = redis.opsForValue().increment(counter);
        if (n != null && n == 1) {
            redis.expire(counter, Duration.ofHours(1));
        }
    }

    private void remember(String idempotencyKey, Object result) {
        if (idempotencyKey != null && !idempotencyKey.isEmpty()) {
            redis.opsForValue().set(key("idem:" + idempotencyKey), writeValue(result), Duration.ofHours(24));
        }
    }

    private void write(String key, Object value) {
        redis.opsForValue().set(key, writeValue(value), settings.recordTtl());
    }

    private String writeValue(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a kept record", e);
        }
    }

    private <T> T read(String raw, Class<T> type) {
        try {
            return json.readValue(raw, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept record is damaged", e);
        }
    }

    private String key(String suffix) {
        return prefix + suffix;
    }

    private static String norm(String orderNo) {
        return orderNo == null ? "" : orderNo.strip().toUpperCase(Locale.ROOT);
    }
}
