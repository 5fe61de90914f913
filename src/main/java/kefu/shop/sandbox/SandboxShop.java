package kefu.shop.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.CancelResult;
import kefu.shop.OrderRules;
import kefu.shop.OrderStatus;
import kefu.shop.ShopAccount;
import kefu.shop.ShopOrder;
import kefu.shop.ShopProperties;
import kefu.shop.ShopTicket;
import kefu.shop.TicketRequest;
import kefu.shop.UrgeResult;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A working shop for trying the bot and for tests: accounts, orders, urges, cancellations and after-sales
 * tickets kept in Redis under its own key prefix, so they survive restarts. Enforces {@link OrderRules}.
 * Each method returns the HTTP answer of the contract ({@code docs/shop-api.md}).
 */
public final class SandboxShop {

    public static final Set<String> REASONS = Set.of("not_received", "not_as_described", "not_working", "other");
    /** The statuses staff may move a ticket to; {@code open} is where it starts. */
    public static final Set<String> SETTABLE = Set.of("processing", "resolved", "rejected");
    private static final DateTimeFormatter TICKET_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final ObjectMapper json;
    private final OrderRules rules;
    private final ShopProperties.Sandbox settings;
    private final Clock clock;

    /** One HTTP answer: status code and a JSON-able body. */
    public record Answer(int status, Object body) {
        static Answer ok(Object body) {
            return new Answer(200, body);
        }

        static Answer error(int status, String error) {
            return new Answer(status, Map.of("error", error));
        }
    }

    public SandboxShop(StringRedisTemplate redis, String prefix, ObjectMapper json, OrderRules rules,
                       ShopProperties.Sandbox settings, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.json = json;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
    }

    public String prefix() {
        return prefix;
    }

    /**
     * Loads the seed data unless this same content was loaded before (or {@code force}); data of an earlier, different
     * seed is replaced, not merged. Returns whether it loaded.
     */
    public boolean seed(SandboxData data, boolean force) {
        String hash;
        try {
            hash = kefu.shop.RequestSigner.sha256Hex(json.writeValueAsBytes(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the sandbox seed", e);
        }
        String loaded = redis.opsForValue().get(key("seeded"));
        if (hash.equals(loaded) && !force) {
            return false;
        }
        if (loaded != null) {
            wipe();
        }
        load(data);
        redis.opsForValue().set(key("seeded"), hash);
        return true;
    }

    /** Removes the seeded accounts and orders (not tickets or evidence, which buyers made). */
    private void wipe() {
        for (String pattern : List.of("order:*", "account:*", "account-orders:*", "bindcode:*")) {
            Set<String> keys = redis.keys(key(pattern));
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
        }
    }

    /** Adds (or replaces) accounts and orders; times in the data are relative to now. */
    public void load(SandboxData data) {
        Instant now = clock.instant();
        for (SandboxData.Account a : data.accounts()) {
            write(key("account:" + a.id()), a);
            if (a.bindCode() != null && !a.bindCode().isBlank()) {
                redis.opsForValue().set(key("bindcode:" + BindCodes.normalise(a.bindCode())), a.id(),
                        settings.bindCodeTtl());
            }
        }
        for (SandboxData.Order o : data.orders()) {
            OrderStatus status = OrderStatus.fromWireName(o.status());
            StoredOrder stored = new StoredOrder(o.orderNo().toUpperCase(Locale.ROOT), o.account(), o.product(),
                    o.category(), o.deliveryType() == null ? "auto" : o.deliveryType(), o.amount(),
                    o.rechargeTarget(), o.contact(), o.queryPassword(), status,
                    o.rawStatus() == null ? status.wireName() : o.rawStatus(),
                    minutesAgo(now, o.paidMinutesAgo()), minutesAgo(now, o.deliveredMinutesAgo()),
                    o.redeemCode(), o.used(),
                    o.expiresInDays() == null ? null : now.plus(Duration.ofDays(o.expiresInDays())));
            save(stored);
            if (o.account() != null) {
                redis.opsForSet().add(key("account-orders:" + o.account()), stored.orderNo());
            }
        }
    }

    /**
     * What the shop's personal center does when a buyer asks to link the support chat: a fresh one-time code
     * (60 random bits) that expires after {@code bind-code-ttl}.
     */
    public Answer issueBindCode(String accountId) {
        if (blank(accountId) || !Boolean.TRUE.equals(redis.hasKey(key("account:" + accountId)))) {
            return Answer.error(404, "not_found");
        }
        String code = BindCodes.fresh();
        redis.opsForValue().set(key("bindcode:" + BindCodes.normalise(code)), accountId, settings.bindCodeTtl());
        return Answer.ok(Map.of("code", code, "expiresAt", clock.instant().plus(settings.bindCodeTtl()).toString()));
    }

    public Answer bind(String chatUser, String code) {
        if (blank(chatUser) || blank(code)) {
            return Answer.error(400, "chatUser and code are required");
        }
        // Counted per chat user and in total, like proofs: many chat accounts together cannot guess codes either.
        String byUser = key("bind-fail:" + chatUser);
        String everyone = key("bind-fail-all");
        Optional<Instant> blocked = blockedUntil(byUser, settings.bindFailuresPerHour())
                .or(() -> blockedUntil(everyone, settings.bindFailuresPerHourTotal()));
        if (blocked.isPresent()) {
            return new Answer(429, Map.of("error", "too_many_attempts", "retryAfter", blocked.get().toString()));
        }
        String accountId = code.length() > BindCodes.MAX_LENGTH ? null
                : redis.opsForValue().getAndDelete(key("bindcode:" + BindCodes.normalise(code)));
        if (accountId == null) {
            countFailure(byUser);
            countFailure(everyone);
            return Answer.error(404, "invalid_code");
        }
        SandboxData.Account account = read(key("account:" + accountId), SandboxData.Account.class).orElseThrow();
        redis.opsForValue().set(key("binding:" + chatUser), accountId);
        return Answer.ok(Map.of("account", new ShopAccount(account.id(), account.name())));
    }

    public Answer verify(String orderNo, String chatUser, String proof) {
        if (blank(chatUser) || proof == null) {
            return Answer.error(400, "chatUser and proof are required");
        }
        String byUser = key("proof-fail:" + chatUser);
        String number = orderNo.toUpperCase(Locale.ROOT);
        String byOrder = key("proof-fail-order:" + number);
        String userOnOrder = key("proof-fail-order-user:" + number + ":" + chatUser);
        // The order's lock holds back only those who failed on it: strangers guessing cannot lock the owner out.
        Optional<Instant> blocked = blockedUntil(byUser, settings.proofFailuresPerHour())
                .or(() -> Boolean.TRUE.equals(redis.hasKey(userOnOrder))
                        ? blockedUntil(byOrder, settings.proofFailuresPerOrderPerHour()) : Optional.empty());
        if (blocked.isPresent()) {
            return new Answer(429, Map.of("error", "too_many_attempts", "retryAfter", blocked.get().toString()));
        }
        Optional<StoredOrder> order = stored(orderNo);
        if (order.isPresent() && proves(order.get(), proof.strip())) {
            return Answer.ok(Map.of("order", view(order.get())));
        }
        countFailure(byUser);
        countFailure(byOrder);
        countFailure(userOnOrder);
        // The same answer whether the order is missing or the proof is wrong: nothing to probe with.
        return Answer.error(404, "not_found");
    }

    /** When a failure counter at its limit opens again, or empty while it is under the limit. */
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

    public Answer order(String orderNo) {
        return stored(orderNo).map(o -> Answer.ok(view(o))).orElse(Answer.error(404, "not_found"));
    }

    public Answer recentOrders(String accountId, int limit) {
        Set<String> numbers = redis.opsForSet().members(key("account-orders:" + accountId));
        List<ShopOrder> orders = new ArrayList<>();
        for (String no : numbers == null ? Set.<String>of() : numbers) {
            stored(no).map(this::view).ifPresent(orders::add);
        }
        orders.sort(Comparator.comparing(ShopOrder::paidAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return Answer.ok(Map.of("orders", orders.subList(0, Math.min(Math.max(limit, 1), orders.size()))));
    }

    public Answer urge(String orderNo, String chatUser) {
        Optional<StoredOrder> found = stored(orderNo);
        if (found.isEmpty()) {
            return Answer.error(404, "not_found");
        }
        ShopOrder order = view(found.get());
        Instant now = clock.instant();
        String urgeKey = key("urge:" + order.orderNo());
        Object last = redis.opsForHash().get(urgeKey, "last");
        Instant lastUrge = last == null ? null : Instant.parse(last.toString());
        OrderRules.Check check = rules.urge(order, lastUrge, now);
        int count = Integer.parseInt(String.valueOf(Objects.requireNonNullElse(redis.opsForHash().get(urgeKey, "count"), "0")));
        if (!check.allowed()) {
            return Answer.ok(new UrgeResult(false, check.reason(), check.at(), null, count));
        }
        Instant expected = now.plus(Duration.ofMinutes(rules.category(order.category()).urgeHandlingMinutes()));
        redis.opsForHash().put(urgeKey, "last", now.toString());
        redis.opsForHash().put(urgeKey, "expectedBy", expected.toString());
        if (!blank(chatUser)) {
            redis.opsForHash().put(urgeKey, "chatUser", chatUser);
        }
        long n = redis.opsForHash().increment(urgeKey, "count", 1);
        redis.opsForZSet().add(key("urges"), order.orderNo(), now.toEpochMilli());
        return Answer.ok(new UrgeResult(true, null, now.plus(Duration.ofMinutes(
                rules.category(order.category()).urgeGapMinutes())), expected, (int) n));
    }

    /**
     * The latest urged orders, most recently urged first, of the given statuses (empty: any). The sandbox has no staff
     * to mark an urge handled, so an urge is {@code open} while its order still awaits delivery and {@code handled}
     * once the order has moved on.
     */
    public Answer urges(List<String> statuses, int limit) {
        return Answer.ok(Map.of("urges", newestFirst("urges", limit, no -> urge(no, statuses))));
    }

    /** An urged order as listed, if it is still known and has one of the statuses (empty: any). */
    private Optional<Map<String, Object>> urge(String orderNo, List<String> statuses) {
        Map<Object, Object> urge = redis.opsForHash().entries(key("urge:" + orderNo));
        Optional<StoredOrder> order = stored(orderNo);
        if (urge.get("last") == null || order.isEmpty()) {
            return Optional.empty();
        }
        String status = order.get().status().awaitsDelivery() ? "open" : "handled";
        if (!statuses.isEmpty() && !statuses.contains(status)) {
            return Optional.empty();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderNo", orderNo);
        view.put("chatUser", urge.get("chatUser"));
        view.put("urgedAt", urge.get("last"));
        view.put("urgeCount", Integer.parseInt(String.valueOf(urge.getOrDefault("count", "0"))));
        view.put("expectedBy", urge.get("expectedBy"));
        view.put("status", status);
        return Optional.of(view);
    }

    /**
     * The rows of a sorted set's members, latest first, up to {@code limit}: {@code row} gives a member's row, or
     * nothing to leave the member out.
     */
    private List<Map<String, Object>> newestFirst(String set, int limit,
                                                  Function<String, Optional<Map<String, Object>>> row) {
        Set<String> members = redis.opsForZSet().reverseRange(key(set), 0, -1);
        List<Map<String, Object>> listed = new ArrayList<>();
        for (String member : members == null ? Set.<String>of() : members) {
            if (listed.size() >= limit) {
                break;
            }
            row.apply(member).ifPresent(listed::add);
        }
        return listed;
    }

    public Answer cancel(String orderNo) {
        Optional<StoredOrder> found = stored(orderNo);
        if (found.isEmpty()) {
            return Answer.error(404, "not_found");
        }
        ShopOrder order = view(found.get());
        OrderRules.Check check = rules.cancel(order, clock.instant());
        if (!check.allowed()) {
            return Answer.ok(new CancelResult(false, check.reason(), order.status()));
        }
        boolean paid = order.paidAt() != null;
        OrderStatus next = paid ? OrderStatus.REFUNDED : OrderStatus.CANCELLED;
        save(found.get().withStatus(next, next.wireName()));
        return Answer.ok(new CancelResult(true, null, next));
    }

    public Answer upload(String chatUser, String fileName, String mimeType, String contentBase64) {
        if (blank(chatUser) || blank(contentBase64)) {
            return Answer.error(400, "chatUser and contentBase64 are required");
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(contentBase64);
        } catch (IllegalArgumentException e) {
            return Answer.error(400, "contentBase64 is not base64");
        }
        if (content.length > settings.maxEvidenceBytes()) {
            return Answer.error(413, "file_too_large");
        }
        if (mimeType == null || !mimeType.startsWith("image/")) {
            return Answer.error(415, "images_only");
        }
        String id = "EV" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("chatUser", chatUser);
        meta.put("fileName", fileName == null ? "" : fileName);
        meta.put("mimeType", mimeType);
        meta.put("size", Integer.toString(content.length));
        meta.put("content", contentBase64);
        redis.opsForHash().putAll(key("evidence:" + id), meta);
        redis.expire(key("evidence:" + id), settings.evidenceTtl());
        return new Answer(201, Map.of("id", id, "size", content.length));
    }

    public Answer file(TicketRequest request) {
        if (request == null || blank(request.orderNo()) || blank(request.chatUser())
                || !REASONS.contains(request.reason())) {
            return Answer.error(400, "orderNo, chatUser and a known reason are required");
        }
        if (request.evidence().isEmpty()) {
            return Answer.error(400, "at least one evidence file is required");
        }
        for (String id : request.evidence()) {
            if (!Boolean.TRUE.equals(redis.hasKey(key("evidence:" + id)))) {
                return Answer.error(400, "unknown evidence " + id);
            }
        }
        Optional<StoredOrder> found = stored(request.orderNo());
        if (found.isEmpty()) {
            return Answer.error(404, "not_found");
        }
        ShopOrder order = view(found.get());
        OrderRules.Check check = rules.afterSales(order, clock.instant(), request.reason());
        if (!check.allowed()) {
            return new Answer(422, Map.of("error", "not_eligible", "rule", check.reason()));
        }
        Instant now = clock.instant();
        String ticketNo = "T" + TICKET_DAY.format(now) + String.format("%05d", redis.opsForValue().increment(key("ticket-seq")));
        Boolean claimed = redis.opsForValue().setIfAbsent(key("open-ticket:" + order.orderNo()), ticketNo);
        if (!Boolean.TRUE.equals(claimed)) {
            String open = redis.opsForValue().get(key("open-ticket:" + order.orderNo()));
            return new Answer(409, Map.of("error", "open_ticket_exists", "ticket", ticket(open).orElseThrow()));
        }
        ShopTicket ticket = new ShopTicket(ticketNo, order.orderNo(), "open", request.reason(), rules.slaHoursMin(),
                rules.slaHoursMax(), now, List.of(new ShopTicket.Message(now, "buyer",
                request.description() == null ? "" : request.description())));
        write(key("ticket:" + ticketNo), ticket);
        redis.opsForHash().put(key("ticket-evidence"), ticketNo, String.join(",", request.evidence()));
        redis.opsForHash().put(key("ticket-user"), ticketNo, request.chatUser());
        redis.opsForHash().put(key("ticket-order-was"), ticketNo, found.get().status().wireName() + "|" + found.get().rawStatus());
        redis.opsForZSet().add(key("tickets"), ticketNo, now.toEpochMilli());
        save(found.get().withStatus(OrderStatus.AFTER_SALES, "after_sales"));
        return new Answer(201, Map.of("ticket", ticket));
    }

    /** The latest tickets, newest first, of the given statuses (empty: any), each with the chat user who filed it. */
    public Answer tickets(List<String> statuses, int limit) {
        return Answer.ok(Map.of("tickets", newestFirst("tickets", limit, no -> ticket(no)
                .filter(t -> statuses.isEmpty() || statuses.contains(t.status())).map(this::listed))));
    }

    /**
     * Staff move a ticket on from the bot's console: open → processing, resolved or rejected; processing → resolved or
     * rejected; a closed ticket stays closed. The note joins the messages; closing frees the order for a new ticket
     * and gives it back the status it had before the ticket.
     */
    public Answer changeTicket(String ticketNo, String status, String note, String by) {
        if (!SETTABLE.contains(status) || blank(by)) {
            return Answer.error(400, "status (processing, resolved or rejected) and by are required");
        }
        Optional<ShopTicket> found = ticket(ticketNo);
        if (found.isEmpty()) {
            return Answer.error(404, "not_found");
        }
        ShopTicket t = found.get();
        if (!t.open() || t.status().equals(status)) {
            return new Answer(422, Map.of("error", "invalid_transition", "status", t.status()));
        }
        List<ShopTicket.Message> messages = new ArrayList<>(t.messages());
        if (!blank(note)) {
            messages.add(new ShopTicket.Message(clock.instant(), "staff", note.strip()));
        }
        ShopTicket next = new ShopTicket(t.ticketNo(), t.orderNo(), status, t.reason(), t.slaHoursMin(),
                t.slaHoursMax(), t.createdAt(), messages);
        write(key("ticket:" + t.ticketNo()), next);
        if (!next.open()) {
            redis.delete(key("open-ticket:" + t.orderNo()));
            restoreOrder(t);
        }
        return Answer.ok(Map.of("ticket", listed(next)));
    }

    private void restoreOrder(ShopTicket closed) {
        Object was = redis.opsForHash().get(key("ticket-order-was"), closed.ticketNo());
        Optional<StoredOrder> order = stored(closed.orderNo());
        if (was != null && order.isPresent() && order.get().status() == OrderStatus.AFTER_SALES) {
            String[] statusAndRaw = was.toString().split("\\|", 2);
            save(order.get().withStatus(OrderStatus.fromWireName(statusAndRaw[0]), statusAndRaw[1]));
        }
    }

    /** The contract's listed ticket: the ticket's own fields and the chat user who filed it. */
    private Map<String, Object> listed(ShopTicket t) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ticketNo", t.ticketNo());
        view.put("orderNo", t.orderNo());
        view.put("status", t.status());
        view.put("reason", t.reason());
        view.put("slaHoursMin", t.slaHoursMin());
        view.put("slaHoursMax", t.slaHoursMax());
        view.put("createdAt", t.createdAt());
        view.put("messages", t.messages());
        Object chatUser = redis.opsForHash().get(key("ticket-user"), t.ticketNo());
        view.put("chatUser", chatUser == null ? null : chatUser.toString());
        return view;
    }

    public Answer ticketAnswer(String ticketNo) {
        return ticket(ticketNo).map(Answer::ok).orElse(Answer.error(404, "not_found"));
    }

    /** Number of stored evidence files of a ticket. */
    public int evidenceCount(String ticketNo) {
        Object ids = redis.opsForHash().get(key("ticket-evidence"), ticketNo);
        return ids == null ? 0 : ids.toString().split(",").length;
    }

    private Optional<ShopTicket> ticket(String ticketNo) {
        return ticketNo == null ? Optional.empty() : read(key("ticket:" + ticketNo), ShopTicket.class);
    }

    /**
     * A proof holds when it is the order's contact (phone or email, whole), the last 4 digits of a contact phone,
     * the phone or email of the account that placed the order, or the order's query password.
     */
    private boolean proves(StoredOrder order, String proof) {
        if (proof.isEmpty()) {
            return false;
        }
        String contact = order.contact() == null ? "" : order.contact().strip();
        if (!contact.isEmpty() && contact.equalsIgnoreCase(proof)) {
            return true;
        }
        if (!contact.contains("@") && proof.length() == 4 && contact.length() >= 4 && contact.endsWith(proof)) {
            return true;
        }
        if (order.account() != null && proof.length() >= 6) {
            Optional<SandboxData.Account> account = read(key("account:" + order.account()), SandboxData.Account.class);
            if (account.isPresent() && (proof.equalsIgnoreCase(String.valueOf(account.get().email()))
                    || proof.equals(account.get().phone()))) {
                return true;
            }
        }
        return order.queryPassword() != null && !order.queryPassword().isEmpty() && order.queryPassword().equals(proof);
    }

    private ShopOrder view(StoredOrder o) {
        String open = redis.opsForValue().get(key("open-ticket:" + o.orderNo()));
        return new ShopOrder(o.orderNo(), o.account(), o.product(), o.category(), o.deliveryType(), o.amount(),
                o.rechargeTarget(), o.status(), o.rawStatus(), o.paidAt(), o.deliveredAt(),
                rules.expectedBy(o.category(), o.paidAt()), o.redeemCode(), o.used(), o.expiresAt(), open);
    }

    private Optional<StoredOrder> stored(String orderNo) {
        return orderNo == null ? Optional.empty()
                : read(key("order:" + orderNo.strip().toUpperCase(Locale.ROOT)), StoredOrder.class);
    }

    private void save(StoredOrder order) {
        write(key("order:" + order.orderNo()), order);
    }

    private void write(String key, Object value) {
        try {
            redis.opsForValue().set(key, json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + key, e);
        }
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        String raw = redis.opsForValue().get(key);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(raw, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox data under " + key + " is damaged", e);
        }
    }

    private String key(String suffix) {
        return prefix + suffix;
    }

    private static Instant minutesAgo(Instant now, Integer minutes) {
        return minutes == null ? null : now.minus(Duration.ofMinutes(minutes));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
