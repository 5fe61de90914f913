package kefu.console;

import kefu.channel.console.CliBuyerMessenger;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.privacy.Pseudonym;
import kefu.shop.SandboxFixtures;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import kefu.conversation.ConversationStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
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
    @Autowired
    PictureChannel pictures;
    @Autowired
    kefu.conversation.ReplyTexts texts;
    @Autowired
    kefu.console.unanswered.UnansweredQuestions unanswered;

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
    void theDeskPageIsSentNewMessagesAndOwnerChangesAsServerSentEvents() throws Exception {
        engine.handle(Turn.text(buyer, "m1", "转人工"));
        MvcResult events = mvc.perform(get(page + "/events").with(user("alice").roles("STAFF")))
                .andExpect(request().asyncStarted()).andReturn();

        engine.handle(Turn.text(buyer, "m2", "订单K2026112400004还没到账"));
        mvc.perform(post(page + "/claim").with(user("alice").roles("STAFF")).with(csrf())).andExpect(status().isFound());

        String stream = awaitStream(events, "data:staff:web:alice");
        assertThat(stream).contains("event:line").contains("订单K2026112400004还没到账").contains("event:owner");
        // Lines the page was drawn with are not sent again.
        assertThat(stream).doesNotContain("转人工");
    }

    @Test
    void staffSendAnImageAndTheBuyersChannelCarriesIt() throws Exception {
        ConversationKey viewer = new ConversationKey("pic", "p-" + UUID.randomUUID().toString().substring(0, 8));
        engine.handle(Turn.text(viewer, "m1", "转人工"));
        byte[] png = Files.readAllBytes(SandboxFixtures.png());

        mvc.perform(multipart("/console/desk/" + Pseudonym.of(viewer) + "/image")
                        .file(new MockMultipartFile("image", "../../步骤 1.png", "application/octet-stream", png))
                        .param("caption", "按图里的步骤操作").with(user("alice").roles("STAFF")).with(csrf()))
                .andExpect(status().isFound());

        assertThat(pictures.files(viewer)).singleElement().satisfies(sent -> {
            assertThat(sent.bytes()).isEqualTo(png);
            assertThat(sent.mimeType()).isEqualTo("image/png");
            assertThat(sent.caption()).isEqualTo("按图里的步骤操作");
        });
        assertThat(store.peek(viewer).orElseThrow().history())
                .anyMatch(h -> h.role().equals("staff") && h.text().startsWith("[file] 步骤_1.png"));
    }

    @Test
    void aFileThatIsNotAnImageOrComesWithoutTheCsrfTokenIsNotSent() throws Exception {
        ConversationKey viewer = new ConversationKey("pic", "p-" + UUID.randomUUID().toString().substring(0, 8));
        engine.handle(Turn.text(viewer, "m1", "转人工"));
        String upload = "/console/desk/" + Pseudonym.of(viewer) + "/image";
        byte[] png = Files.readAllBytes(SandboxFixtures.png());

        mvc.perform(multipart(upload).file(new MockMultipartFile("image", "x.png", "image/png", "<script>".getBytes()))
                        .with(user("alice").roles("STAFF")).with(csrf()))
                .andExpect(flash().attribute("problem", "console.desk.not_an_image"));
        mvc.perform(multipart(upload).file(new MockMultipartFile("image", "x.png", "image/png", png))
                .with(user("alice").roles("STAFF"))).andExpect(status().isForbidden());

        assertThat(pictures.files(viewer)).isEmpty();
    }

    /** The event stream written so far, once it holds {@code wanted} (the feed looks every second). */
    private static String awaitStream(MvcResult events, String wanted) throws Exception {
        long until = System.currentTimeMillis() + 15_000;
        String stream = "";
        while (System.currentTimeMillis() < until) {
            stream = events.getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (stream.contains(wanted)) {
                return stream;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + wanted + " in the event stream: " + stream);
    }

    @Test
    void theQuestionBeforeAConversationRatedDownIsListedAsUnanswered() throws Exception {
        String question = "充值了但是余额一直不变是怎么回事" + UUID.randomUUID().toString().substring(0, 4);
        engine.handle(Turn.text(buyer, "m1", question));
        engine.handle(Turn.text(buyer, "m2", "转人工"));
        mvc.perform(post(page + "/claim").with(user("alice").roles("STAFF")).with(csrf())).andExpect(status().isFound());
        mvc.perform(post(page + "/close").with(user("alice").roles("STAFF")).with(csrf())).andExpect(status().isFound());

        engine.handle(Turn.button(buyer, "m3", "rate:1"));

        assertThat(unanswered.find(question)).hasValueSatisfying(q -> {
            assertThat(q.kind()).isEqualTo(kefu.console.unanswered.UnansweredQuestions.RATED_DOWN);
            assertThat(q.buyer()).isEqualTo(Pseudonym.of(buyer));
        });
    }

    @Test
    void aConversationRatedWellLeavesItsQuestionOffTheList() throws Exception {
        String question = "话费充值多久能到账" + UUID.randomUUID().toString().substring(0, 4);
        engine.handle(Turn.text(buyer, "m1", question));
        engine.handle(Turn.text(buyer, "m2", "转人工"));
        mvc.perform(post(page + "/claim").with(user("alice").roles("STAFF")).with(csrf())).andExpect(status().isFound());
        mvc.perform(post(page + "/close").with(user("alice").roles("STAFF")).with(csrf())).andExpect(status().isFound());

        TurnResult rated = engine.handle(Turn.button(buyer, "m3", "rate:5"));

        assertThat(rated.replies()).extracting(Reply::text).containsExactly(texts.get("handoff.rate.thanks",
                store.peek(buyer).orElseThrow().lang(), java.util.Map.of()));

        assertThat(unanswered.find(question).map(q -> q.kind())).isNotEqualTo(java.util.Optional.of(
                kefu.console.unanswered.UnansweredQuestions.RATED_DOWN));
    }

    @Test
    void theDeskShowsTheTranscriptToStaff() throws Exception {
        engine.handle(Turn.text(buyer, "m1", "我的手机13812345678充值没到，转人工"));

        mvc.perform(get(page).with(user("alice").roles("STAFF"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("138****5678")));
    }
}
