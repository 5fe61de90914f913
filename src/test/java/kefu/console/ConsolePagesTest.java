package kefu.console;

import kefu.console.unanswered.QuestionGroups;
import kefu.console.unanswered.UnansweredQuestions;
import kefu.console.unanswered.UnansweredQuestions.Question;
import kefu.console.users.Role;
import kefu.conversation.ConversationKey;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.conversation.events.ConversationEvent.FallbackGiven;
import kefu.conversation.events.ConversationEvent.FallbackKind;
import kefu.conversation.events.ConversationEvents;
import kefu.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's pages over MockMvc, with copies of {@code bot/} and {@code knowledge-base/} in a temporary folder
 * so the file writes are real but never touch the checkout.
 */
class ConsolePagesTest extends ConsoleTestBase {

    static final Path FILES = copyOfTheOperatorFiles();

    @DynamicPropertySource
    static void files(DynamicPropertyRegistry registry) {
        registry.add("kefu.bot-dir", () -> FILES.resolve("bot").toString());
        registry.add("kefu.knowledge-dir", () -> FILES.resolve("knowledge-base").toString());
    }

    @Autowired
    private ReplyTexts texts;
    @Autowired
    ConversationEvents events;
    @Autowired
    UnansweredQuestions unanswered;
    @Autowired
    QuestionGroups groups;
    @Autowired
    KnowledgeBase knowledge;

    private void notAnswered(String question) {
        events.publish(new FallbackGiven(new ConversationKey("cli", "p-" + UUID.randomUUID()), Instant.now(), question,
                FallbackKind.NOT_SURE));
    }

    @Test
    void questionsWithTheSameMeaningFormOneGroupAndOthersTheirOwn() {
        List<QuestionGroups.Group> found = groups.group(List.of(
                new Question("学生买会员有优惠吗", 3, Instant.now(), "NOT_SURE", "x"),
                new Question("学生买会员能便宜点吗", 1, Instant.now(), "NOT_SURE", "y"),
                new Question("你们的仓库在哪个城市", 2, Instant.now(), "NOT_UNDERSTOOD", "z")));

        assertThat(found).hasSize(2);
        assertThat(found.get(0).lead().text()).isEqualTo("学生买会员有优惠吗");
        assertThat(found.get(0).count()).isEqualTo(4);
        assertThat(found.get(0).questions()).extracting(Question::text).contains("学生买会员能便宜点吗");
        assertThat(found.get(1).lead().text()).isEqualTo("你们的仓库在哪个城市");
    }

    @Test
    void everyoneSeesTheUnansweredQuestionsButOnlyAdminsActOnThem() throws Exception {
        String question = "能用外币信用卡付款吗" + UUID.randomUUID().toString().substring(0, 4);
        notAnswered(question);

        mvc.perform(get("/console/unanswered").with(user("s").roles("STAFF")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(question)));
        mvc.perform(post("/console/admin/unanswered/dismiss").with(user("s").roles("STAFF")).with(csrf())
                .param("question", question).param("members", question)).andExpect(status().isForbidden());
        assertThat(unanswered.find(question)).isPresent();
    }

    @Test
    void addingAQuestionToAnArticleWritesItsFrontMatterAndTheBotAnswersIt() throws Exception {
        String admin = newUser(Role.ADMIN);
        String question = "外国信用卡可以用来付款吗";
        notAnswered(question);

        mvc.perform(post("/console/admin/unanswered/add").with(user(admin).roles("ADMIN", "STAFF")).with(csrf())
                .param("article", "payment-methods").param("question", question).param("members", question))
                .andExpect(status().isFound());

        assertThat(Files.readString(FILES.resolve("knowledge-base/payment-methods.md"))).contains("  - " + question);
        assertThat(knowledge.article("payment-methods").orElseThrow().questions()).contains(question);
        assertThat(unanswered.find(question)).isEmpty();
        assertThat(knowledge.search(question).get(0).article().id()).isEqualTo("payment-methods");
    }

    @Test
    void outOfScopeAddsTheQuestionToTheFallbackExamples() throws Exception {
        String question = "帮我写一篇作文";
        notAnswered(question);

        mvc.perform(post("/console/admin/unanswered/scope").with(user("a").roles("ADMIN", "STAFF")).with(csrf())
                .param("question", question).param("members", question)).andExpect(status().isFound());

        String intents = Files.readString(FILES.resolve("bot/intents.yml"));
        assertThat(intents.substring(intents.indexOf("fallback:"))).contains("- \"" + question + "\"");
    }

    @Test
    void anArticleSavedFromTheEditorIsWrittenAndReloadedAndABrokenOneIsRefused() throws Exception {
        String source = Files.readString(FILES.resolve("knowledge-base/refunds.md"));
        String edited = source.replaceFirst("questions:\n", "questions:\n  - 退款退到哪里了呀\n");

        mvc.perform(post("/console/admin/kb/save").with(user("a").roles("ADMIN", "STAFF")).with(csrf())
                .param("id", "refunds").param("source", edited)).andExpect(status().isFound());
        mvc.perform(post("/console/admin/kb/save").with(user("a").roles("ADMIN", "STAFF")).with(csrf())
                .param("id", "refunds").param("source", "no front matter"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("front matter")));

        assertThat(Files.readString(FILES.resolve("knowledge-base/refunds.md"))).contains("退款退到哪里了呀");
        assertThat(knowledge.article("refunds").orElseThrow().questions()).contains("退款退到哪里了呀");
    }

    @Test
    void aNewArticleStartsFromTheConsoleTemplateWithTheQuestionItAnswers() throws Exception {
        mvc.perform(get("/console/admin/kb/new").param("question", "学生有优惠吗").with(user("a").roles("ADMIN", "STAFF")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("source", texts.get("console.kb.template", Lang.ZH, Map.of("0", "学生有优惠吗"))));
        mvc.perform(get("/console/admin/kb/new").with(user("a").roles("ADMIN", "STAFF")))
                .andExpect(model().attribute("source", texts.get("console.kb.template", Lang.ZH,
                        Map.of("0", texts.get("console.kb.template.question", Lang.ZH, Map.of())))));
    }

    @Test
    void aNewArticleIsCreatedAsItsOwnFile() throws Exception {
        String article = """
                ---
                id: student-discount
                title: 学生优惠
                category: 常见问题
                questions:
                  - 学生有优惠吗
                ---
                目前没有学生专属价格，新用户可以领新人券。
                """;

        mvc.perform(post("/console/admin/kb/save").with(user("a").roles("ADMIN", "STAFF")).with(csrf())
                .param("source", article)).andExpect(status().isFound());

        assertThat(FILES.resolve("knowledge-base/student-discount.md")).exists();
        assertThat(knowledge.article("student-discount")).isPresent();
    }

    @Test
    void staffMayReadArticlesButNotEditThem() throws Exception {
        mvc.perform(get("/console/kb/refunds").with(user("s").roles("STAFF"))).andExpect(status().isOk());
        mvc.perform(get("/console/admin/kb/refunds/edit").with(user("s").roles("STAFF"))).andExpect(status().isForbidden());
        mvc.perform(post("/console/admin/kb/save").with(user("s").roles("STAFF")).with(csrf())
                .param("id", "refunds").param("source", "x")).andExpect(status().isForbidden());
    }

    @Test
    void hitTestingShowsTheIntentTheRankedArticlesAndTheReply() throws Exception {
        mvc.perform(get("/console/hits").param("q", "话费充值多久到账").with(user("s").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("topup-arrival-time")))
                .andExpect(content().string(containsString("id=\"hit-intent\">faq<")));
    }

    @Test
    void theOverviewRendersForEveryRange() throws Exception {
        for (String days : new String[] {"1", "7", "30"}) {
            mvc.perform(get("/console/overview").param("days", days).with(user("s").roles("STAFF")))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("kpi-resolution")));
        }
    }

    static Path copyOfTheOperatorFiles() {
        try {
            Path dir = Files.createTempDirectory("kefu-console-files");
            for (String folder : new String[] {"bot", "knowledge-base"}) {
                Path from = Path.of(folder);
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                        Path to = dir.resolve(folder).resolve(from.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(p, to);
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
