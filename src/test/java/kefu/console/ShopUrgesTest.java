package kefu.console;

import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.conversation.Turn;
import kefu.privacy.Pseudonym;
import kefu.shop.SandboxFixtures;
import kefu.shop.ShopGateway;
import kefu.shop.sandbox.SandboxShop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static kefu.shop.SandboxFixtures.order;
import static kefu.shop.SandboxFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tickets page's urges on a shop that keeps its own — the sandbox, reached over signed HTTP as any shop of the
 * contract: an order a buyer urged through the bot is listed as the shop's, with the buyer, how often, by when the
 * shop promised to act and whether it has.
 */
class ShopUrgesTest extends ConsoleTestBase {

    @Autowired
    ConversationEngine engine;
    @Autowired
    SandboxShop sandbox;
    @Autowired
    ShopGateway shop;
    @Autowired
    ReplyTexts texts;

    private final ConversationKey buyer = new ConversationKey("cli", "su-" + UUID.randomUUID());
    private final String orderNo = SandboxFixtures.orderNo();

    /** A buyer looks up a late top-up and urges it through the bot's conversation. */
    @BeforeEach
    void aBuyerUrgesALateOrder() {
        sandbox.load(orders(order(orderNo, null, "mobile_topup", "processing", 40)));
        engine.handle(Turn.text(buyer, null, "你好"));
        engine.handle(Turn.button(buyer, null, "intent:order_status"));
        engine.handle(Turn.text(buyer, null, orderNo));
        engine.handle(Turn.text(buyer, null, "5678"));
        engine.handle(Turn.button(buyer, null, "pick:urge:" + orderNo));
        assertThat(shop.urges(List.of(), 200).orElseThrow()).as("the bot urged the order at the shop")
                .anyMatch(u -> u.orderNo().equals(orderNo));
    }

    @Test
    void anOrderUrgedThroughTheBotIsListedAsTheShopsWithTheBuyerAndTheShopsPromise() throws Exception {
        String row = urgeRow(page("active"));

        assertThat(row).contains("keeper-shop", ">" + Pseudonym.of(buyer) + "</a>", "<td class=\"num\">1</td>",
                ">" + texts.get("console.tickets.urge_status.open", Lang.ZH, Map.of()) + "</span>");
        assertThat(row).as("by when the shop promised to act").containsPattern("<td class=\"small\">\\d\\d-\\d\\d \\d\\d:\\d\\d</td>\\s*<td><span");
        assertThat(page("active")).doesNotContain("id=\"urges-shop-note\"");
    }

    @Test
    void anUrgeIsShownHandledOnceTheShopHasDeliveredTheOrder() throws Exception {
        sandbox.load(orders(SandboxFixtures.delivered(orderNo, null, "mobile_topup", null, false, null)));

        assertThat(urgeRow(page("active"))).contains(">" + texts.get("console.tickets.urge_status.handled", Lang.ZH, Map.of())
                + "</span>");
    }

    @Test
    void theShopsUrgesAreListedWhateverTheTicketFilter() throws Exception {
        for (String filter : List.of("active", "resolved", "all")) {
            assertThat(page(filter)).as(filter).contains("id=\"urge-" + orderNo + "\"");
        }
    }

    /** The urged order's row of the urges table. */
    private String urgeRow(String page) {
        Matcher row = Pattern.compile("id=\"urge-" + orderNo + "\".*?</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("the urged order is listed").isTrue();
        return row.group();
    }

    private String page(String filter) throws Exception {
        return mvc.perform(get("/console/tickets").param("status", filter).with(user("alice").roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
