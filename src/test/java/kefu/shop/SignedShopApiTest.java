package kefu.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.sandbox.SandboxData;
import kefu.shop.sandbox.SandboxShop;
import kefu.shop.sandbox.SandboxShopServer;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kefu.shop.SandboxFixtures.order;
import static kefu.shop.SandboxFixtures.orderNo;
import static kefu.shop.SandboxFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shop contract end to end: the HTTP adapter against the sandbox server, signatures included. */
class SignedShopApiTest extends AppTest {

    private static final String SECRET = "test-secret-0123456789abcdef";

    @Autowired
    SandboxShop sandbox;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;
    @Autowired
    ShopProperties props;

    private SandboxShopServer server;
    private HttpShopGateway shop;
    private final String user = "test:" + uniqueUser();

    @BeforeEach
    void start() throws IOException {
        server = SandboxShopServer.start(sandbox, new RequestSigner(SECRET), props.apiKey(), Duration.ofSeconds(60),
                redis, json, 1 << 20, InetAddress.getLoopbackAddress(), 0, clock);
        shop = gateway(server.baseUrl(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpShopGateway gateway(URI base, Duration timeout) {
        return new HttpShopGateway(base, props.apiKey(), new RequestSigner(SECRET), Duration.ofSeconds(1), timeout,
                json, clock);
    }

    @Test
    void wrongProofGetsTheSameAnswerAsAMissingOrder() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));

        Verification wrong = shop.verify(user, no, "0000");
        Verification missing = shop.verify(user, orderNo(), "5678");
        Verification right = shop.verify(user, no, "5678");

        assertThat(wrong.result()).isEqualTo(Verification.Result.NOT_FOUND);
        assertThat(missing.result()).isEqualTo(Verification.Result.NOT_FOUND);
        assertThat(right.verified()).isTrue();
        assertThat(right.order().orderNo()).isEqualTo(no);
    }

    @Test
    void queryPasswordAndEmailAlsoProveOwnership() {
        String byPassword = orderNo();
        String byEmail = orderNo();
        sandbox.load(orders(order(byPassword, null, "game_card", "paid", 5),
                new SandboxData.Order(byEmail, null, "点卡", "game_card", "auto", "1", "a@b.cn", "Buyer@Example.com", null,
                        "delivered", null, 60, 50, "X", false, 10)));

        assertThat(shop.verify(user, byPassword, "pw-" + byPassword).verified()).isTrue();
        assertThat(shop.verify(user, byEmail, "buyer@example.com").verified()).isTrue();
        assertThat(shop.verify(user, byEmail, "pw-" + byPassword).verified()).isFalse();
    }

    @Test
    void proofsAreRefusedAfterFiveFailuresInAnHour() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));
        for (int i = 0; i < 5; i++) {
            assertThat(shop.verify(user, no, "000" + i).result()).isEqualTo(Verification.Result.NOT_FOUND);
        }

        Verification locked = shop.verify(user, no, "5678");

        assertThat(locked.result()).isEqualTo(Verification.Result.TOO_MANY_ATTEMPTS);
        assertThat(locked.retryAfter()).isAfter(clock.instant().plusSeconds(3000));
    }

    @Test
    void oneOrdersProofCannotBeGuessedFromManyChatAccounts() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));
        for (int i = 0; i < 10; i++) {
            String attacker = "tg:attacker-" + i + "-" + no;
            assertThat(shop.verify(attacker, no, "00" + (10 + i)).result()).isEqualTo(Verification.Result.NOT_FOUND);
        }

        Verification rightButLocked = shop.verify("tg:attacker-3-" + no, no, "5678");
        Verification otherOrder = shop.verify("tg:attacker-12-" + no, orderNo(), "0000");

        assertThat(rightButLocked.result()).as("the order is locked for everyone who failed on it")
                .isEqualTo(Verification.Result.TOO_MANY_ATTEMPTS);
        assertThat(otherOrder.result()).as("other orders are not affected").isEqualTo(Verification.Result.NOT_FOUND);
    }

    @Test
    void unknownOrderIsNotFound() {
        assertThat(shop.order(orderNo())).isEmpty();
    }

    @Test
    void forgedSignatureIsRefused() {
        HttpShopGateway forger = new HttpShopGateway(server.baseUrl(), props.apiKey(),
                new RequestSigner("not-the-shared-secret-at-all"), Duration.ofSeconds(1), Duration.ofSeconds(5), json, clock);

        assertThatThrownBy(() -> forger.order(orderNo())).isInstanceOf(ShopUnavailableException.class)
                .hasMessageContaining("401").hasMessageContaining("bad_signature");
    }

    @Test
    void staleTimestampIsRefused() throws Exception {
        long stale = clock.instant().getEpochSecond() - 120;

        HttpResponse<String> r = raw("GET", "/api/v1/orders/" + orderNo(), stale, UUID.randomUUID().toString(), "");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("stale_timestamp");
    }

    @Test
    void replayedNonceIsRefused() throws Exception {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));
        long now = clock.instant().getEpochSecond();
        String nonce = UUID.randomUUID().toString();

        HttpResponse<String> first = raw("GET", "/api/v1/orders/" + no, now, nonce, "");
        HttpResponse<String> replay = raw("GET", "/api/v1/orders/" + no, now, nonce, "");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("replayed_nonce");
    }

    @Test
    void tamperedBodyIsRefused() throws Exception {
        long now = clock.instant().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        String signed = "{\"chatUser\":\"" + user + "\",\"code\":\"A\"}";
        String sig = new RequestSigner(SECRET).sign("POST", "/api/v1/bindings", now, nonce,
                signed.getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/bindings"))
                .header(RequestSigner.API_KEY, props.apiKey()).header(RequestSigner.TIMESTAMP, Long.toString(now))
                .header(RequestSigner.NONCE, nonce).header(RequestSigner.SIGNATURE, sig)
                .POST(HttpRequest.BodyPublishers.ofString(signed.replace("\"A\"", "\"B\""))).build();

        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("bad_signature");
    }

    @Test
    void urgeIsRefusedBeforeFifteenMinutesForATopUp() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));

        UrgeResult r = shop.urge(no, user, UUID.randomUUID().toString());

        assertThat(r.accepted()).isFalse();
        assertThat(r.reason()).isEqualTo("too_early");
        assertThat(Duration.between(clock.instant(), r.nextAllowedAt())).isBetween(Duration.ofMinutes(9),
                Duration.ofMinutes(10));
    }

    @Test
    void secondUrgeInsideTheGapIsRefusedButARetryOfTheFirstIsNot() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 20)));
        String key = UUID.randomUUID().toString();

        UrgeResult first = shop.urge(no, user, key);
        UrgeResult retried = shop.urge(no, user, key);
        UrgeResult again = shop.urge(no, user, UUID.randomUUID().toString());

        assertThat(first.accepted()).isTrue();
        assertThat(first.expectedBy()).isAfter(clock.instant());
        assertThat(retried).isEqualTo(first);
        assertThat(again.accepted()).isFalse();
        assertThat(again.reason()).isEqualTo("too_soon");
        assertThat(again.urgeCount()).isEqualTo(1);
    }

    @Test
    void bindCodeWorksOnceAndListsTheAccountsOrders() {
        String account = "A" + uniqueUser();
        String code = SandboxFixtures.code();
        String older = orderNo();
        String newer = orderNo();
        sandbox.load(SandboxFixtures.account(account, code, order(older, account, "data_pack", "completed", 500),
                order(newer, account, "video_vip", "processing", 3)));

        assertThat(shop.bind(user, code).account().id()).isEqualTo(account);
        assertThat(shop.bind(user, code).result()).isEqualTo(BindResult.Result.INVALID);
        assertThat(shop.recentOrders(account, 5)).extracting(ShopOrder::orderNo).containsExactly(newer, older);
    }

    @Test
    void bindCodesAreRefusedAfterFiveWrongOnesFromOneChatUser() {
        String account = "A" + uniqueUser();
        String code = SandboxFixtures.code();
        sandbox.load(SandboxFixtures.account(account, code));
        for (int i = 0; i < 5; i++) {
            assertThat(shop.bind(user, "WRONG-" + i).result()).isEqualTo(BindResult.Result.INVALID);
        }

        BindResult locked = shop.bind(user, code);

        assertThat(locked.result()).isEqualTo(BindResult.Result.TOO_MANY_ATTEMPTS);
        assertThat(locked.retryAfter()).isAfter(clock.instant());
        assertThat(shop.bind("test:" + uniqueUser(), code).bound()).isTrue();
    }

    @Test
    void bindCodesPauseForEveryoneAfterTooManyWrongOnesInTotal() throws IOException {
        SandboxShop strict = new SandboxShop(redis, "kefu-test:" + UUID.randomUUID() + ":", json,
                new OrderRules(props.rules()), new ShopProperties.Sandbox(props.sandbox().data(), null, false, 5, 10,
                5, 3, Duration.ofMinutes(30), props.sandbox().maxEvidenceBytes(), props.sandbox().maxBodyBytes(),
                props.sandbox().evidenceTtl()), clock);
        String account = "A" + uniqueUser();
        String code = SandboxFixtures.code();
        strict.load(SandboxFixtures.account(account, code));
        try (SandboxShopServer own = SandboxShopServer.start(strict, new RequestSigner(SECRET), props.apiKey(),
                Duration.ofSeconds(60), redis, json, 1 << 20, InetAddress.getLoopbackAddress(), 0, clock)) {
            HttpShopGateway gateway = gateway(own.baseUrl(), Duration.ofSeconds(5));
            for (int i = 0; i < 3; i++) {
                gateway.bind("test:" + uniqueUser(), "WRONG-" + i);
            }

            assertThat(gateway.bind("test:" + uniqueUser(), code).result())
                    .isEqualTo(BindResult.Result.TOO_MANY_ATTEMPTS);
        }
    }

    @Test
    void issuedBindCodesAreLongRandomAndExpire() throws Exception {
        String account = "A" + uniqueUser();
        sandbox.load(SandboxFixtures.account(account, null));

        SandboxShop.Answer issued = sandbox.issueBindCode(account);
        @SuppressWarnings("unchecked")
        String code = ((Map<String, String>) issued.body()).get("code");
        String key = sandbox.prefix() + "bindcode:" + code.replace("-", "");

        assertThat(code).matches("BIND(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(redis.getExpire(key)).isBetween(1L, props.sandbox().bindCodeTtl().toSeconds());
        assertThat(shop.bind(user, code.toLowerCase()).account().id()).isEqualTo(account);
    }

    @Test
    void strangersFailingOnAnOrderDoNotLockItsOwnerOut() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));
        for (int i = 0; i < 12; i++) {
            shop.verify("test:" + uniqueUser(), no, "00" + (10 + i));
        }

        Verification owner = shop.verify(user, no, "5678");
        Verification stranger = shop.verify("test:" + uniqueUser(), no, "5678");

        assertThat(owner.verified()).isTrue();
        assertThat(stranger.verified()).isTrue();
    }

    @Test
    void aTicketIsFiledOnceAndOnlyOneIsOpenPerOrder() throws Exception {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "software_key", "KEY-1", false, 100)));
        String ev = shop.upload(user, "shot.png", "image/png", java.nio.file.Files.readAllBytes(SandboxFixtures.png()));
        TicketRequest request = new TicketRequest(no, user, "not_working", "激活失败", List.of(ev));

        TicketResult first = shop.file(request, "form-1-" + no);
        TicketResult retry = shop.file(request, "form-1-" + no);
        TicketResult secondForm = shop.file(request, "form-2-" + no);

        assertThat(first.filed()).isTrue();
        assertThat(first.ticket().slaHoursMin()).isEqualTo(24);
        assertThat(first.ticket().slaHoursMax()).isEqualTo(48);
        assertThat(retry.ticket().ticketNo()).isEqualTo(first.ticket().ticketNo());
        assertThat(secondForm.refusal()).isEqualTo("open_ticket_exists");
        assertThat(secondForm.ticket().ticketNo()).isEqualTo(first.ticket().ticketNo());
        assertThat(shop.ticket(first.ticket().ticketNo())).map(ShopTicket::status).contains("open");
        assertThat(sandbox.evidenceCount(first.ticket().ticketNo())).isEqualTo(1);
    }

    @Test
    void staffListTicketsAndMoveThemOnOnceAndAClosedTicketStaysClosed() throws Exception {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "software_key", "KEY-1", false, 100)));
        String ev = shop.upload(user, "shot.png", "image/png", java.nio.file.Files.readAllBytes(SandboxFixtures.png()));
        String ticketNo = shop.file(new TicketRequest(no, user, "not_working", "激活失败", List.of(ev)), "form-" + no)
                .ticket().ticketNo();

        List<ListedTicket> active = shop.tickets(List.of("open", "processing"), 200).orElseThrow();
        TicketChange processing = shop.changeTicket(ticketNo, "processing", "", "alice", "change-1-" + ticketNo);
        TicketChange retried = shop.changeTicket(ticketNo, "processing", "", "alice", "change-1-" + ticketNo);
        TicketChange again = shop.changeTicket(ticketNo, "processing", "", "alice", "change-2-" + ticketNo);
        TicketChange resolved = shop.changeTicket(ticketNo, "resolved", "已补发新码", "alice", "change-3-" + ticketNo);
        TicketChange reopened = shop.changeTicket(ticketNo, "processing", "", "bob", "change-4-" + ticketNo);

        assertThat(active).filteredOn(t -> t.ticket().ticketNo().equals(ticketNo)).singleElement()
                .extracting(ListedTicket::chatUser).isEqualTo(user);
        assertThat(active).extracting(t -> t.ticket().createdAt()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(processing.outcome()).isEqualTo(TicketChange.Outcome.CHANGED);
        assertThat(processing.ticket().chatUser()).isEqualTo(user);
        assertThat(retried).as("a retry with the same key gets the first answer").isEqualTo(processing);
        assertThat(again.outcome()).as("already processing").isEqualTo(TicketChange.Outcome.REFUSED);
        assertThat(resolved.ticket().ticket().messages()).last().extracting(ShopTicket.Message::text).isEqualTo("已补发新码");
        assertThat(reopened.outcome()).as("a closed ticket stays closed").isEqualTo(TicketChange.Outcome.REFUSED);
        assertThat(shop.changeTicket("T1999010100001", "processing", "", "alice", UUID.randomUUID().toString()).outcome())
                .isEqualTo(TicketChange.Outcome.NOT_FOUND);
        assertThat(shop.tickets(List.of("open", "processing"), 200).orElseThrow())
                .noneMatch(t -> t.ticket().ticketNo().equals(ticketNo));
        assertThat(shop.tickets(List.of("resolved"), 200).orElseThrow()).anyMatch(t -> t.ticket().ticketNo().equals(ticketNo));
        ShopOrder order = shop.order(no).orElseThrow();
        assertThat(order.status()).as("the order's status from before the ticket").isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.openTicket()).isNull();
    }

    @Test
    void staffListUrgedOrdersNewestFirstWithWhoUrgedAndWhetherTheShopHasActed() {
        String earlier = orderNo();
        String later = orderNo();
        sandbox.load(orders(order(earlier, null, "mobile_topup", "processing", 40),
                order(later, null, "game_card", "paid", 40)));
        UrgeResult first = shop.urge(earlier, user, UUID.randomUUID().toString());
        UrgeResult second = shop.urge(later, "test:other-" + later, UUID.randomUUID().toString());

        List<ListedUrge> all = shop.urges(List.of(), 200).orElseThrow();
        sandbox.load(orders(SandboxFixtures.delivered(earlier, null, "mobile_topup", null, false, null)));
        List<ListedUrge> open = shop.urges(List.of("open"), 200).orElseThrow();
        List<ListedUrge> handled = shop.urges(List.of("handled"), 200).orElseThrow();

        assertThat(first.accepted()).isTrue();
        assertThat(second.accepted()).isTrue();
        assertThat(all).extracting(ListedUrge::urgedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all).filteredOn(u -> u.orderNo().equals(earlier)).singleElement()
                .satisfies(u -> {
                    assertThat(u.chatUser()).isEqualTo(user);
                    assertThat(u.urgeCount()).isEqualTo(1);
                    assertThat(u.expectedBy()).isEqualTo(first.expectedBy());
                    assertThat(u.status()).isEqualTo("open");
                });
        assertThat(all).extracting(ListedUrge::orderNo).containsSubsequence(later, earlier);
        assertThat(open).extracting(ListedUrge::orderNo).contains(later).doesNotContain(earlier);
        assertThat(handled).as("delivered since: the urge was answered").extracting(ListedUrge::orderNo)
                .contains(earlier).doesNotContain(later);
        assertThat(shop.urges(List.of(), 1).orElseThrow()).hasSize(1);
    }

    @Test
    void aShopWithoutTheTicketAndUrgeEndpointsListsNoneAndTakesNoChanges() throws Exception {
        try (OlderContractShop older = new OlderContractShop()) {
            HttpShopGateway g = gateway(URI.create(older.url()), Duration.ofSeconds(1));

            assertThat(g.tickets(List.of(), 50)).isEmpty();
            assertThat(g.urges(List.of(), 50)).isEmpty();
            assertThat(g.changeTicket("T2026010100001", "processing", "", "alice", "k").outcome())
                    .isEqualTo(TicketChange.Outcome.UNSUPPORTED);
            assertThatThrownBy(() -> g.order(orderNo())).as("a required endpoint missing is still a configuration problem")
                    .isInstanceOf(ShopUnavailableException.class).hasMessageContaining("kefu.shop.base-url");
        }
    }

    @Test
    void usedGameItemsAreNotEligibleForAfterSales() throws Exception {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "game_item", null, true, 30)));
        String ev = shop.upload(user, "shot.png", "image/png", java.nio.file.Files.readAllBytes(SandboxFixtures.png()));

        TicketResult r = shop.file(new TicketRequest(no, user, "not_working", "用不了", List.of(ev)), UUID.randomUUID().toString());

        assertThat(r.filed()).isFalse();
        assertThat(r.refusal()).isEqualTo("not_eligible");
        assertThat(r.rule()).isEqualTo("used");
    }

    @Test
    void nonImageEvidenceIsRefused() {
        assertThatThrownBy(() -> shop.upload(user, "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ShopUnavailableException.class).hasMessageContaining("415");
    }

    @Test
    void aShopThatIsDownIsReportedAsUnavailable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpShopGateway down = gateway(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(1));

        assertThatThrownBy(() -> down.order(orderNo())).isInstanceOf(ShopUnavailableException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void aShopThatDoesNotAnswerTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HttpShopGateway slow = gateway(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    Duration.ofMillis(300));
            long started = System.nanoTime();

            assertThatThrownBy(() -> slow.order(orderNo())).isInstanceOf(ShopUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aShopAnsweringGarbageIsReportedAsUnavailable() throws Exception {
        var garbage = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        garbage.createContext("/", ex -> {
            byte[] page = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        garbage.start();
        try {
            HttpShopGateway g = gateway(URI.create("http://127.0.0.1:" + garbage.getAddress().getPort()),
                    Duration.ofSeconds(1));
            assertThatThrownBy(() -> g.order(orderNo())).isInstanceOf(ShopUnavailableException.class)
                    .hasMessageContaining("not JSON");
        } finally {
            garbage.stop(0);
        }
    }

    @Test
    void aWrongBaseUrlIsReportedAsUnavailableNotAsAMissingOrder() {
        HttpShopGateway misconfigured = gateway(URI.create(server.baseUrl() + "/shop"), Duration.ofSeconds(2));

        assertThatThrownBy(() -> misconfigured.order(orderNo())).isInstanceOf(ShopUnavailableException.class)
                .hasMessageContaining("kefu.shop.base-url");
    }

    private HttpResponse<String> raw(String method, String path, long ts, String nonce, String body) throws Exception {
        String sig = new RequestSigner(SECRET).sign(method, path, ts, nonce, body.getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header(RequestSigner.API_KEY, props.apiKey()).header(RequestSigner.TIMESTAMP, Long.toString(ts))
                .header(RequestSigner.NONCE, nonce).header(RequestSigner.SIGNATURE, sig)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }
}
