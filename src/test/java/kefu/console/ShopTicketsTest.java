package kefu.console;

import kefu.channel.console.CliBuyerMessenger;
import kefu.console.audit.AuditLog;
import kefu.conversation.Attachment;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationStore;
import kefu.conversation.Reply;
import kefu.conversation.ReplyTexts;
import kefu.conversation.Turn;
import kefu.conversation.orders.ShopFacts;
import kefu.shop.SandboxFixtures;
import kefu.shop.ShopGateway;
import kefu.shop.ShopTicket;
import kefu.shop.sandbox.SandboxShop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static kefu.shop.SandboxFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tickets page on a shop that keeps its own tickets — the sandbox, reached over signed HTTP as any shop of the
 * contract: a ticket a buyer filed through the bot is listed as the shop's, staff move it on from the page, the shop
 * has the change, and the buyer is told as for the tickets the bot keeps.
 */
class ShopTicketsTest extends ConsoleTestBase {

    @Autowired
    ConversationEngine engine;
    @Autowired
    SandboxShop sandbox;
    @Autowired
    ShopGateway shop;
    @Autowired
    CliBuyerMessenger messenger;
    @Autowired
    ConversationStore store;
    @Autowired
    ReplyTexts texts;
    @Autowired
    AuditLog audit;

    private final ConversationKey buyer = new ConversationKey("cli", "st-" + UUID.randomUUID());
    private final String orderNo = SandboxFixtures.orderNo();
    private String ticketNo;

    /** A buyer files an after-sales ticket for a delivered activation code through the bot's form. */
    @BeforeEach
    void aBuyerFilesATicket() throws Exception {
        sandbox.load(orders(SandboxFixtures.delivered(orderNo, null, "software_key", "KEY-1", false, 100)));
        say("申请售后");
        say(orderNo);
        say("5678");
        engine.handle(Turn.button(buyer, null, "as:reason:not_working"));
        say("激活码提示无效");
        Path png = SandboxFixtures.png();
        engine.handle(Turn.attachment(buyer, null, new Attachment(png.toString(), "shot.png", "image/png", Files.size(png)), null));
        engine.handle(Turn.button(buyer, null, "as:submit"));
        ticketNo = store.peek(buyer).orElseThrow().fact(ShopFacts.TICKETS);
        assertThat(ticketNo).as("the bot filed the ticket at the shop").startsWith("T");
        messenger.drain(buyer);
    }

    @Test
    void aTicketFiledThroughTheBotIsListedAsTheShops() throws Exception {
        mvc.perform(get("/console/tickets").with(user("alice").roles("STAFF"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"ticket-" + ticketNo + "\""),
                        containsString("keeper-shop"), not(containsString("id=\"tickets-shop-note\"")))));
    }

    @Test
    void staffResolveAShopTicketWithANoteTheShopHasItAndTheBuyerIsTold() throws Exception {
        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "resolved")
                        .param("note", "已为您补发新的激活码").with(user("alice").roles("STAFF")).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("ok", "console.tickets.changed"));

        ShopTicket atShop = shop.ticket(ticketNo).orElseThrow();
        assertThat(atShop.status()).isEqualTo("resolved");
        assertThat(atShop.messages()).last().extracting(ShopTicket.Message::from, ShopTicket.Message::text)
                .containsExactly("staff", "已为您补发新的激活码");
        assertThat(messenger.drain(buyer)).extracting(Reply::text).containsExactly(texts.get("shop.kept.ticket.resolved",
                store.peek(buyer).orElseThrow().lang(), Map.of("ticket", ticketNo, "order", orderNo, "note", "已为您补发新的激活码")));
        assertThat(audit.latest(20)).anyMatch(e -> e.user().equals("alice") && e.action().equals("ticket.status")
                && e.target().equals(ticketNo));
        assertThat(shop.order(orderNo).orElseThrow().openTicket()).as("a closed ticket frees the order").isNull();
    }

    @Test
    void theStatusFilterAppliesToTheShopsTickets() throws Exception {
        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "rejected").param("note", "激活码已被您本人使用")
                .with(user("alice").roles("STAFF")).with(csrf())).andExpect(status().isFound());

        mvc.perform(get("/console/tickets").param("status", "rejected").with(user("alice").roles("STAFF")))
                .andExpect(content().string(containsString("id=\"ticket-" + ticketNo + "\"")));
        mvc.perform(get("/console/tickets").with(user("alice").roles("STAFF")))
                .andExpect(content().string(not(containsString("id=\"ticket-" + ticketNo + "\""))));
    }

    @Test
    void aChangeSentTwiceIsRefusedByTheShopAndTheBuyerIsToldOnce() throws Exception {
        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "processing")
                        .with(user("alice").roles("STAFF")).with(csrf()))
                .andExpect(flash().attribute("ok", "console.tickets.changed"));
        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "processing")
                        .with(user("alice").roles("STAFF")).with(csrf()))
                .andExpect(flash().attribute("error", "console.tickets.refused"));

        assertThat(shop.ticket(ticketNo).orElseThrow().status()).isEqualTo("processing");
        assertThat(messenger.drain(buyer)).extracting(Reply::text).containsExactly(texts.get("shop.kept.ticket.processing",
                store.peek(buyer).orElseThrow().lang(), Map.of("ticket", ticketNo, "order", orderNo, "note", "-")));
    }

    @Test
    void aShopTicketIsNotChangedWithoutTheCsrfTokenOrALogin() throws Exception {
        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "processing")
                .with(user("alice").roles("STAFF"))).andExpect(status().isForbidden());
        mvc.perform(post("/console/tickets/" + ticketNo + "/status").param("status", "processing").with(csrf()))
                .andExpect(status().isFound());

        assertThat(shop.ticket(ticketNo).orElseThrow().status()).isEqualTo("open");
        assertThat(messenger.drain(buyer)).isEmpty();
    }

    private void say(String text) {
        engine.handle(Turn.text(buyer, null, text));
    }
}
