package kefu.console;

import kefu.channel.console.CliBuyerMessenger;
import kefu.console.audit.AuditLog;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationStore;
import kefu.conversation.Reply;
import kefu.conversation.ReplyTexts;
import kefu.conversation.Turn;
import kefu.shop.ShopConnection;
import kefu.shop.kept.KeptTicket;
import kefu.testsupport.DujiaokaDatabase;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tickets page on a shop without tickets of its own (dujiaoka): a buyer's cancel request is listed, staff
 * change its status with a note, and the buyer is told through the messenger staff replies use.
 */
@SpringBootTest(properties = {"kefu.command-runner.enabled=false", "kefu.shop.kind=dujiaoka",
        "kefu.shop.dujiaoka.categories.rules[0].category=video_vip",
        "kefu.shop.dujiaoka.categories.rules[0].keywords[0]=会员", "kefu.shop.notices.sweep-every=0"})
@AutoConfigureMockMvc
class TicketsTest {

    private static final String PREFIX = RealRedis.freshPrefix();
    private static final DujiaokaDatabase DB = DujiaokaDatabase.create();
    private static final java.util.concurrent.atomic.AtomicInteger GOODS = new java.util.concurrent.atomic.AtomicInteger(20);

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
    MockMvc mvc;
    @Autowired
    ConversationEngine engine;
    @Autowired
    ShopConnection shop;
    @Autowired
    CliBuyerMessenger messenger;
    @Autowired
    ConversationStore store;
    @Autowired
    ReplyTexts texts;
    @Autowired
    AuditLog audit;

    private final ConversationKey buyer = new ConversationKey("cli", "t-" + UUID.randomUUID());
    private final String orderNo = "TK" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
    private String ticketNo;

    /** The buyer asks to cancel a paid order the shop cannot cancel itself: a request the bot keeps. */
    @BeforeEach
    void aBuyerAsksToCancel() {
        int goods = GOODS.incrementAndGet();
        DB.goods(goods, "Steam 钱包卡", 1);
        DB.order(orderNo, goods, "Steam 钱包卡", 1, 2, "buyer@example.com", "", null, Duration.ofMinutes(5), Duration.ofMinutes(5));
        engine.handle(Turn.text(buyer, null, orderNo));
        engine.handle(Turn.text(buyer, null, "buyer@example.com"));
        engine.handle(Turn.button(buyer, null, "pick:cancel:" + orderNo));
        engine.handle(Turn.button(buyer, null, "cancel:yes:" + orderNo));
        ticketNo = shop.kept().open().stream().filter(t -> t.ticket().orderNo().equals(orderNo)).findFirst()
                .orElseThrow().ticket().ticketNo();
        messenger.drain(buyer);
    }

    @Test
    void staffResolveACancelRequestWithANoteAndTheBuyerIsTold() throws Exception {
        mvc.perform(get("/console/tickets").with(user("alice").roles("STAFF"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(ticketNo)));

        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "resolved")
                        .param("note", "已为您取消并退款").with(user("alice").roles("STAFF")).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("ok", "console.tickets.changed"));

        KeptTicket after = shop.kept().kept(ticketNo).orElseThrow();
        assertThat(after.ticket().status()).isEqualTo("resolved");
        assertThat(messenger.drain(buyer)).extracting(Reply::text).containsExactly(texts.get("shop.kept.cancel.resolved",
                store.peek(buyer).orElseThrow().lang(), Map.of("ticket", ticketNo, "order", orderNo, "note", "已为您取消并退款")));
        assertThat(audit.latest(20)).anyMatch(e -> e.user().equals("alice") && e.action().equals("ticket.status")
                && e.target().equals(ticketNo));
    }

    @Test
    void theStatusFilterListsResolvedTicketsApartFromTheOnesToHandle() throws Exception {
        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "rejected").param("note", "已发货，无法取消")
                .with(user("alice").roles("STAFF")).with(csrf())).andExpect(status().isFound());

        mvc.perform(get("/console/tickets").param("status", "rejected").with(user("alice").roles("STAFF")))
                .andExpect(content().string(containsString(ticketNo)));
        mvc.perform(get("/console/tickets").with(user("alice").roles("STAFF")))
                .andExpect(content().string(not(containsString(ticketNo))));
    }

    @Test
    void anOrderTheBuyerUrgedIsListedAsKeptByTheBotWhateverTheFilter() throws Exception {
        String late = "TU" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        int goods = GOODS.incrementAndGet();
        DB.goods(goods, "王者荣耀点券 代充", 2);
        DB.order(late, goods, "王者荣耀点券 代充", 2, 3, "buyer@example.com", "q1w2e3", "游戏账号: 123",
                Duration.ofMinutes(50), Duration.ofMinutes(50));
        engine.handle(Turn.text(buyer, null, late));
        engine.handle(Turn.text(buyer, null, "q1w2e3"));
        engine.handle(Turn.text(buyer, null, "催单 " + late));
        assertThat(shop.kept().urges(late)).as("the bot kept the urge").isEqualTo(1);

        for (String filter : java.util.List.of("active", "resolved")) {
            mvc.perform(get("/console/tickets").param("status", filter).with(user("alice").roles("STAFF")))
                    .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                            "(?s).*id=\"urge-" + late + "\"(?:(?!</tr>).)*keeper-bot.*")))
                    .andExpect(content().string(not(containsString("id=\"urges-shop-note\""))));
        }
    }

    @Test
    void aResolutionWithoutANoteIsRefusedAndTheBuyerHearsNothing() throws Exception {
        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "resolved")
                        .with(user("alice").roles("STAFF")).with(csrf()))
                .andExpect(flash().attribute("error", "console.tickets.need_note"));

        assertThat(shop.kept().kept(ticketNo).orElseThrow().ticket().status()).isEqualTo("open");
        assertThat(messenger.drain(buyer)).isEmpty();
    }

    @Test
    void aChangeWithoutTheCsrfTokenOrWithoutLoginIsRefused() throws Exception {
        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "processing")
                .with(user("alice").roles("STAFF"))).andExpect(status().isForbidden());
        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "processing").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console/login"));
        mvc.perform(get("/console/tickets")).andExpect(status().isFound());

        assertThat(shop.kept().kept(ticketNo).orElseThrow().ticket().status()).isEqualTo("open");
    }
}
