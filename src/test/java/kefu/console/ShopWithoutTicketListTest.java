package kefu.console;

import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.shop.OlderContractShop;
import kefu.testsupport.ClassKeyPrefix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tickets page on a shop of the signed contract that offers none of the optional ticket and urge endpoints — it
 * answers the lists with the contract's 404 and the status change with its web framework's 405 page: the page still
 * works and says once, politely, where the shop's tickets and urges are handled.
 */
@ContextCustomizerFactories(ClassKeyPrefix.class)
@SpringBootTest(properties = {"kefu.command-runner.enabled=false", "kefu.shop.kind=http",
        "kefu.shop.secret=a-shop-secret-of-32-characters!!", "kefu.shop.notices.sweep-every=0"})
@AutoConfigureMockMvc
class ShopWithoutTicketListTest {

    private static final OlderContractShop OLDER_SHOP = new OlderContractShop();

    @DynamicPropertySource
    static void shop(DynamicPropertyRegistry registry) {
        registry.add("kefu.shop.base-url", OLDER_SHOP::url);
    }

    @AfterAll
    static void stop() {
        OLDER_SHOP.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ReplyTexts texts;

    @Test
    void thePageSaysOnceThatTheShopListsNoTicketsAndStillWorks() throws Exception {
        String page = mvc.perform(get("/console/tickets").with(user("alice").roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        String note = texts.get("console.tickets.shop_unlisted", Lang.ZH, Map.of());
        assertThat(page.split(java.util.regex.Pattern.quote(note), -1)).as("the note, once").hasSize(2);
        assertThat(page).contains("id=\"tickets-shop-note\"", "id=\"tickets\"");
        assertThat(OLDER_SHOP.asked()).as("the shop was asked, signed").contains("GET /api/v1/tickets?limit=200&status=open,processing signed");
    }

    @Test
    void thePageSaysOnceThatTheShopListsNoUrgesAndStillShowsTheTable() throws Exception {
        String page = mvc.perform(get("/console/tickets").with(user("alice").roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        String note = texts.get("console.tickets.shop_urges_unlisted", Lang.ZH, Map.of());
        assertThat(page.split(java.util.regex.Pattern.quote(note), -1)).as("the note, once").hasSize(2);
        assertThat(page).contains("id=\"urges-shop-note\"", "id=\"urges\"");
        assertThat(OLDER_SHOP.asked()).as("the shop was asked, signed").contains("GET /api/v1/urges?limit=200 signed");
    }

    @Test
    void aStatusChangeTheShopDoesNotTakeIsRefusedWithoutAnError() throws Exception {
        mvc.perform(post("/console/tickets/T2026010100001/status").param("status", "processing")
                        .with(user("alice").roles("STAFF")).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("error", "console.tickets.not_found"));

        assertThat(OLDER_SHOP.asked()).contains("POST /api/v1/tickets/T2026010100001/status signed");
    }
}
