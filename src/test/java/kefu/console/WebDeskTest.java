package kefu.console;

import kefu.channel.console.CliBuyerMessenger;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.conversation.Turn;
import kefu.privacy.Pseudonym;
import kefu.conversation.ConversationStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The web staff desk acts through the same staff actions as the Telegram desk: one person serves one buyer. */
class WebDeskTest extends ConsoleTestBase {

    @Autowired
    ConversationEngine engine;
    @Autowired
    CliBuyerMessenger messenger;
    @Autowired
    ConversationStore store;

    private final ConversationKey buyer = new ConversationKey("cli", "desk-" + UUID.randomUUID().toString().substring(0, 8));
    private final String page = "/console/desk/" + Pseudonym.of(buyer);

    @Test
    void aStaffMemberClaimsRepliesAndClosesAndTheBuyerReceivesItAll() throws Exception {
        engine.handle(Turn.text(buyer, "m1", "转人工"));

        mvc.perform(post(page + "/claim").with(user("alice").roles("STAFF")).with(csrf())).andExpect(status().isFound());
        mvc.perform(post(page + "/reply").param("text", "您好，我来帮您看看").with(user("alice").roles("STAFF")).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post(page + "/note").param("text", "老客户").with(user("alice").roles("STAFF")).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post(page + "/close").with(user("alice").roles("STAFF")).with(csrf())).andExpect(status().isFound());

        List<Reply> received = messenger.drain(buyer);
        assertThat(received).hasSize(3);
        assertThat(received.get(1).text()).contains("您好，我来帮您看看");
        assertThat(received).noneMatch(r -> r.text().contains("老客户"));
        assertThat(received.get(2).buttons()).extracting(b -> b.data()).contains("rate:5");
        assertThat(store.peek(buyer).orElseThrow().handover().wireName()).isEqualTo("closed");
    }

    @Test
    void aBuyerServedByOneStaffMemberIsNotAnsweredByAnother() throws Exception {
        engine.handle(Turn.text(buyer, "m1", "转人工"));
        mvc.perform(post(page + "/claim").with(user("alice").roles("STAFF")).with(csrf())).andExpect(status().isFound());
        messenger.drain(buyer);

        mvc.perform(post(page + "/reply").param("text", "我也来").with(user("bob").roles("STAFF")).with(csrf()))
                .andExpect(flash().attribute("error", "web:alice"));

        assertThat(messenger.drain(buyer)).isEmpty();
        assertThat(store.peek(buyer).orElseThrow().handover().wireName()).isEqualTo("staff:web:alice");
    }

    @Test
    void theDeskShowsTheTranscriptToStaff() throws Exception {
        engine.handle(Turn.text(buyer, "m1", "我的手机13812345678充值没到，转人工"));

        mvc.perform(get(page).with(user("alice").roles("STAFF"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("138****5678")));
    }
}
