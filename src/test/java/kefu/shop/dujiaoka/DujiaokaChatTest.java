package kefu.shop.dujiaoka;

import kefu.conversation.Attachment;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Lang;
import kefu.conversation.Reply;
import kefu.conversation.ReplyTexts;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.shop.SandboxFixtures;
import kefu.shop.ShopConnection;
import kefu.channel.console.CliBuyerMessenger;
import kefu.handoff.KeptTicketDesk;
import kefu.handoff.ConfiguredStaffDesk;
import kefu.handoff.DeliveryNotifier;
import kefu.shop.kept.KeptTicket;
import kefu.shop.notices.DujiaokaHook;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kefu.testsupport.DujiaokaDatabase;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole bot on {@code kefu.shop.kind=dujiaoka}: a buyer looks up an order in a dujiaoka database nobody prepared
 * for the bot, proves it with the order's email, gets the card secret in private, urges a late order and files
 * after-sales — the urge and the ticket kept by the bot, the database only read.
 */
@SpringBootTest(properties = {"kefu.command-runner.enabled=false", "kefu.shop.kind=dujiaoka",
        "kefu.shop.dujiaoka.categories.rules[0].category=video_vip",
        "kefu.shop.dujiaoka.categories.rules[0].keywords[0]=会员",
        "kefu.shop.dujiaoka.hook-secret=hook-secret-0123456789", "kefu.shop.dujiaoka.hook-port=0",
        "kefu.shop.notices.sweep-every=0"})
class DujiaokaChatTest {

    private static final String PREFIX = RealRedis.freshPrefix();
    private static final DujiaokaDatabase DB = DujiaokaDatabase.create();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("kefu.redis.url", RealRedis::url);
        registry.add("kefu.redis.key-prefix", () -> PREFIX);
        DB.registerShop(registry);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Autowired
    ConversationEngine engine;
    @Autowired
    ShopConnection connection;
    @Autowired
    ReplyTexts texts;
    @Autowired
    ConfiguredStaffDesk desks;
    @Autowired
    KeptTicketDesk tickets;
    @Autowired
    CliBuyerMessenger messenger;
    @Autowired
    kefu.conversation.ConversationStore store;
    @Autowired
    DujiaokaHook.Endpoint hook;
    @Autowired
    DeliveryNotifier notifier;

    private final ConversationKey buyer = new ConversationKey("cli", "u" + UUID.randomUUID());

    @Test
    void aBuyerProvesAnOrderWithItsEmailAndGetsTheCardSecretInPrivate() {
        String no = DujiaokaOrdersTest.sn();
        DB.goods(11, "爱奇艺黄金会员月卡", 1);
        DB.order(no, 11, "爱奇艺黄金会员月卡", 1, 4, "buyer@example.com", "", "KAMI-7788-XYZ", Duration.ofHours(2), Duration.ofHours(2));

        TurnResult asked = say(no);
        TurnResult shown = say("buyer@example.com");

        assertThat(text(asked)).isEqualTo(texts.get("shop.ask_proof.dujiaoka", Lang.ZH, Map.of("order", no)));
        assertThat(text(shown)).contains(no).contains("KAMI-7788-XYZ");
    }

    @Test
    void theApiHookTellsTheWaitingBuyerAtOnce() throws Exception {
        String no = DujiaokaOrdersTest.sn();
        DB.goods(16, "网易云音乐黑胶 VIP 年卡", 1);
        DB.order(no, 16, "网易云音乐黑胶 VIP 年卡", 1, 3, "buyer@example.com", "", null, Duration.ofMinutes(3), Duration.ofMinutes(3));
        say(no);
        say("buyer@example.com");
        notifier.sweep();
        assertThat(messenger.drain(buyer)).isEmpty();

        DB.setStatus(no, 4, "VIP-CARD-1");
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(hook.hook().url("hook-secret-0123456789"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"网易云音乐黑胶 VIP 年卡 x 1\",\"order_sn\":\"" + no + "\",\"email\":\"buyer@example.com\","
                                + "\"actual_price\":\"9.50\",\"order_info\":\"VIP-CARD-1\",\"good_id\":16,\"gd_name\":\"网易云音乐黑胶 VIP 年卡\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(hook.hook().url("wrong-secret-0123456789"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        notifier.sweep();

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(messenger.drain(buyer)).extracting(Reply::text).containsExactly(texts.get("shop.notice.delivered",
                lang(), Map.of("order", no, "product", "网易云音乐黑胶 VIP 年卡")));
    }

    @Test
    void aWrongProofShowsNothing() {
        String no = DujiaokaOrdersTest.sn();
        DB.goods(12, "Steam 钱包卡", 1);
        DB.order(no, 12, "Steam 钱包卡", 1, 4, "buyer@example.com", "pw123", "SECRET-CARD", Duration.ofHours(2), Duration.ofHours(2));

        say(no);
        TurnResult wrong = say("someone@example.com");

        assertThat(text(wrong)).doesNotContain("SECRET-CARD").doesNotContain("Steam");
    }

    @Test
    void aLateOrderIsUrgedAndTheUrgeIsKeptByTheBot() {
        String no = DujiaokaOrdersTest.sn();
        DB.goods(13, "王者荣耀点券 代充", 2);
        DB.order(no, 13, "王者荣耀点券 代充", 2, 3, "buyer@example.com", "q1w2e3", "游戏账号: 123", Duration.ofMinutes(50), Duration.ofMinutes(50));

        say(no);
        say("q1w2e3");
        TurnResult urged = say("催单 " + no);

        assertThat(urged.intent()).isEqualTo(kefu.conversation.Intent.URGE_ORDER);
        assertThat(connection.kept().urges(no)).isEqualTo(1);
    }

    @Test
    void afterSalesIsFiledAsATicketTheBotKeepsWithItsEvidence() throws Exception {
        String no = DujiaokaOrdersTest.sn();
        DB.goods(14, "腾讯视频会员月卡", 1);
        DB.order(no, 14, "腾讯视频会员月卡", 1, 4, "buyer@example.com", "", "TX-CODE-1", Duration.ofHours(3), Duration.ofHours(3));

        say("你好");
        press("intent:after_sales");
        say(no);
        say("buyer@example.com");
        press("as:reason:not_working");
        say("激活码提示已被使用");
        Path png = SandboxFixtures.png();
        engine.handle(Turn.attachment(buyer, null, new Attachment(png.toString(), "shot.png", "image/png", Files.size(png)), null));
        TurnResult filed = press("as:submit");

        KeptTicket ticket = connection.kept().open().stream().filter(t -> t.ticket().orderNo().equals(no)).findFirst().orElseThrow();
        assertThat(text(filed)).contains(ticket.ticket().ticketNo());
        assertThat(ticket.ticket().reason()).isEqualTo("not_working");
        assertThat(ticket.evidence()).hasSize(1);
        assertThat(connection.kept().evidence(ticket.evidence().get(0))).isPresent();
        assertThat(ticket.chatUser()).isEqualTo(buyer.asString());
        String no2 = ticket.ticket().ticketNo();
        assertThat(desks.inMemory().orElseThrow().posts(null)).anyMatch(p -> p.text().contains(no2)
                && p.buttons().stream().anyMatch(b -> b.data().equals("ticket:" + no2 + ":processing")));

        tickets.command(null, no2 + " resolved 已为您补发新卡");

        assertThat(connection.kept().kept(no2).orElseThrow().ticket().status()).isEqualTo("resolved");
        assertThat(messenger.drain(buyer)).extracting(Reply::text).contains(texts.get("shop.kept.ticket.resolved", lang(),
                Map.of("ticket", no2, "order", no, "note", "已为您补发新卡")));
    }

    @Test
    void aCancellationTheShopCannotDoGoesToStaffAsARequest() {
        String no = DujiaokaOrdersTest.sn();
        DB.goods(15, "Steam 钱包卡", 1);
        DB.order(no, 15, "Steam 钱包卡", 1, 2, "buyer@example.com", "", null, Duration.ofMinutes(5), Duration.ofMinutes(5));

        say(no);
        say("buyer@example.com");
        press("pick:cancel:" + no);
        TurnResult requested = press("cancel:yes:" + no);

        assertThat(text(requested)).isEqualTo(texts.get("shop.cancel.requested", Lang.ZH, Map.of("order", no)));
        assertThat(connection.kept().open()).anyMatch(t -> t.ticket().orderNo().equals(no) && t.cancelRequest());
    }

    /** The language the bot settled on for this buyer, which notices out of turn are written in. */
    private Lang lang() {
        return store.peek(buyer).orElseThrow().lang();
    }

    private TurnResult say(String text) {
        return engine.handle(Turn.text(buyer, null, text));
    }

    private TurnResult press(String data) {
        return engine.handle(Turn.button(buyer, null, data));
    }

    private static String text(TurnResult r) {
        return r.replies().stream().map(Reply::text).collect(Collectors.joining("\n"));
    }
}
