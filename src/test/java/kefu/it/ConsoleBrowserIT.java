package kefu.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.app.BotFiles;
import kefu.app.ReplyTextsLoader;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.privacy.Pseudonym;
import kefu.shop.SandboxFixtures;
import kefu.testsupport.DujiaokaDatabase;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as an operator meets it: the packaged jar serving on a free port, buyers chatting through
 * {@code chat --json} on the same Redis, and a real (headless Chromium) browser logging in and using the pages.
 * The shop is a dujiaoka database (a shop without tickets of its own), so the bot keeps the tickets the tickets
 * page shows. Screenshots of each page go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    static final String ADMIN = "admin1";
    static final String PASSWORD = "open sesame 2026";
    /** A question the shipped help center does not cover; the test teaches it to the bot. */
    static final String GAP = "学生党买会员有没有学生价";
    static final String GAP_ARTICLE = "vip-membership-claim";
    /** A delivered order a buyer looks up, and a paid one a buyer asks to cancel. */
    static final String LOOKED_UP = "JAR0CONSOLE00001";
    static final String TO_CANCEL = "JAR0CONSOLE00002";
    static final String EMAIL = "buyer@example.com";
    static final Duration CHAT_START = Duration.ofMinutes(4);

    static final ObjectMapper json = new ObjectMapper();
    static Path workDir;
    static List<String> redisArgs;
    static ServedJar server;
    static String console;
    static ChromeDriver browser;
    static DujiaokaDatabase shop;
    static Map<String, String> shopEnv;

    @BeforeAll
    static void serveWithAnAdminAndADaysConversations() throws Exception {
        workDir = Files.createTempDirectory("kefu-console");
        copy(Path.of("bot"), workDir.resolve("bot"));
        copy(Path.of("knowledge-base"), workDir.resolve("knowledge-base"));
        redisArgs = List.of("--kefu.redis.url=" + RealRedis.url(), "--kefu.redis.key-prefix=" + RealRedis.freshPrefix());
        browser = Browser.start();
        shop = DujiaokaDatabase.create();
        shop.goods(1, "爱奇艺黄金会员月卡", 1);
        shop.goods(2, "Steam 钱包卡", 1);
        shop.order(LOOKED_UP, 1, "爱奇艺黄金会员月卡", 1, 4, EMAIL, "", "IQIYI-CARD-42", Duration.ofHours(2), Duration.ofHours(2));
        shop.order(TO_CANCEL, 2, "Steam 钱包卡", 1, 2, EMAIL, "", null, Duration.ofMinutes(5), Duration.ofMinutes(5));
        shopEnv = Map.of("KEFU_SHOP_KIND", "dujiaoka", "KEFU_SHOP_DB_URL", shop.url(), "KEFU_SHOP_DB_USER", shop.user(),
                "KEFU_SHOP_DB_PASSWORD", shop.password());

        PackagedJar.Run added = jar(List.of("console", "user", "add", ADMIN, "--role", "admin"), PASSWORD + "\n");
        assertThat(added.exitCode()).as(added.stderr()).isZero();

        List<String> args = new ArrayList<>(redisArgs);
        args.add("--kefu.console.port=0");
        server = new ServedJar(args, workDir, shopEnv);
        console = server.awaitConsoleUrl(Duration.ofMinutes(6));
        assertThat(console).startsWith("http://127.0.0.1:").endsWith("/console/");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    @Order(1)
    void theUserListShowsTheAdminAddedFromTheCommandLine() throws Exception {
        PackagedJar.Run list = jar(List.of("console", "user", "list"), "");

        assertThat(list.stdout()).anyMatch(l -> l.startsWith(ADMIN) && l.contains("admin"));
    }

    @Test
    @Order(2)
    void aWrongPasswordDoesNotLogIn() {
        browser.get(console + "login");
        login("not the password");

        assertThat(browser.findElement(By.id("login-error")).isDisplayed()).isTrue();
        assertThat(browser.getCurrentUrl()).contains("/console/login");
    }

    @Test
    @Order(3)
    void theOverviewShowsTodaysFiguresFromConversationsJustHeld() throws Exception {
        List<JsonNode> out = chat(
                say("buyer-a", "话费充值多久到账"),
                say("buyer-b", "阿巴阿巴阿巴"),
                say("buyer-c", "转人工"),
                say("buyer-d", LOOKED_UP),
                say("buyer-d", EMAIL),
                say("buyer-e", GAP),
                say("buyer-h", "我的手机号13812345678充值没到"));
        assertThat(out.get(0).get("sources")).isNotEmpty();
        assertThat(out.get(2).get("handoff").asBoolean()).isTrue();

        browser.get(console + "login");
        login(PASSWORD);
        assertThat(browser.getCurrentUrl()).contains("/console/overview");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                "drawn".equals(d.findElement(By.tagName("body")).getAttribute("data-charts")));

        assertThat(text("kpi-conversations")).isEqualTo("6");
        assertThat(text("kpi-turns")).isEqualTo("7");
        assertThat(text("kpi-handoff")).isEqualTo("16.7%");
        assertThat(text("kpi-orders")).isEqualTo("1");
        assertThat(browser.findElement(By.id("top-unanswered")).getText()).contains(GAP);
        for (String chart : List.of("chart-daily", "chart-outcomes", "chart-intents")) {
            assertThat(paintedPixels(chart)).as(chart + " is drawn").isGreaterThan(100);
        }
        Browser.screenshot(browser, "overview");
    }

    @Test
    @Order(4)
    void hitTestingShowsTheIntentTheArticlesAndTheExactReply() throws Exception {
        browser.get(console + "hits");
        browser.findElement(By.id("hit-question")).sendKeys("话费充值多久到账");
        browser.findElement(By.id("hit-run")).click();

        assertThat(text("hit-intent")).isEqualTo("faq");
        assertThat(browser.findElement(By.id("hit-articles")).getText()).contains("topup-arrival-time");
        assertThat(browser.findElements(By.cssSelector("#hit-replies .reply"))).isNotEmpty();
        Browser.screenshot(browser, "hit-testing");
    }

    @Test
    @Order(5)
    void anUnansweredQuestionAddedToAnArticleIsAnsweredByTheBotNext() throws Exception {
        browser.get(console + "unanswered");
        WebElement group = browser.findElements(By.cssSelector(".group")).stream()
                .filter(g -> g.findElement(By.cssSelector(".lead")).getText().equals(GAP)).findFirst().orElseThrow();
        Browser.screenshot(browser, "unanswered");
        new Select(group.findElement(By.cssSelector(".article-select"))).selectByValue(GAP_ARTICLE);
        group.findElement(By.cssSelector("button.add")).click();

        assertThat(browser.findElement(By.id("flash-ok")).isDisplayed()).isTrue();
        assertThat(Files.readString(workDir.resolve("knowledge-base").resolve(GAP_ARTICLE + ".md"))).contains(GAP);
        JsonNode after = chat(say("buyer-g", GAP)).get(0);
        assertThat(after.get("intent").asText()).isEqualTo("faq");
        assertThat(after.get("sources").get(0).get("id").asText()).isEqualTo(GAP_ARTICLE);
    }

    @Test
    @Order(6)
    void conversationsAreFoundByTheirTextAndReadMasked() throws Exception {
        // buyer-h wrote in the first chat run.
        browser.get(console + "conversations");
        assertThat(browser.findElement(By.id("queue")).getText()).contains("cli:");
        browser.findElement(By.id("conv-query")).sendKeys("充值没到");
        browser.findElement(By.id("conv-search")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("q="));
        browser.findElement(By.cssSelector("#conversations a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("transcript")).isEmpty());

        String transcript = text("transcript");
        assertThat(transcript).contains("138****5678").doesNotContain("13812345678");
        Browser.screenshot(browser, "conversation");
        browser.get(console + "conversations");
        Browser.screenshot(browser, "conversations");
    }

    @Test
    @Order(7)
    void anAdminEditsAnArticleWithAPreviewAndTheEditIsRecorded() throws Exception {
        browser.get(console + "kb");
        Browser.screenshot(browser, "knowledge-base");
        browser.get(console + "kb/invoices");
        browser.findElement(By.id("kb-edit")).click();
        WebElement source = browser.findElement(By.id("kb-source"));
        String edited = source.getAttribute("value").replace("questions:\n", "questions:\n  - 发票抬头写错了能改吗\n");
        source.clear();
        source.sendKeys(edited);
        browser.findElement(By.id("kb-preview")).click();
        assertThat(browser.findElement(By.id("kb-questions")).getText()).contains("发票抬头写错了能改吗");
        Browser.screenshot(browser, "knowledge-editor");
        browser.findElement(By.id("kb-save")).click();

        assertThat(text("kb-title")).isNotBlank();
        assertThat(Files.readString(workDir.resolve("knowledge-base/invoices.md"))).contains("发票抬头写错了能改吗");
        browser.get(console + "admin/users");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("kb.edit", "kb.add_question", ADMIN);
        Browser.screenshot(browser, "users-and-audit");
    }

    @Test
    @Order(8)
    void aTicketsStatusChangeReachesTheBuyersChat() throws Exception {
        String note = "已为您取消，款项原路退回";
        try (LiveChat buyer = live()) {
            buyer.send(say("buyer-t", TO_CANCEL), CHAT_START);
            buyer.send(say("buyer-t", EMAIL), Duration.ofMinutes(1));
            buyer.send(press("buyer-t", "pick:cancel:" + TO_CANCEL), Duration.ofMinutes(1));
            buyer.send(press("buyer-t", "cancel:yes:" + TO_CANCEL), Duration.ofMinutes(1));

            browser.get(console + "tickets");
            WebElement row = browser.findElements(By.cssSelector("tr.ticket")).stream()
                    .filter(r -> r.getText().contains(TO_CANCEL)).findFirst().orElseThrow();
            String ticketNo = row.getAttribute("id").substring("ticket-".length());
            Browser.screenshot(browser, "tickets");
            new Select(row.findElement(By.cssSelector(".status-select"))).selectByValue("resolved");
            row.findElement(By.cssSelector("input.note")).sendKeys(note);
            row.findElement(By.cssSelector("button.change")).click();

            assertThat(browser.findElement(By.id("flash-ok")).getText()).contains(ticketNo);
            JsonNode told = buyer.await(n -> n.path("pushed").asBoolean(), Duration.ofSeconds(30));
            assertThat(told.get("user").asText()).isEqualTo("buyer-t");
            assertThat(told.get("replies").get(0).get("text").asText()).isEqualTo(texts().get("shop.kept.cancel.resolved",
                    Lang.ZH, Map.of("order", TO_CANCEL, "ticket", ticketNo, "note", note)));
        }
    }

    @Test
    @Order(9)
    void aStaffReplyFromTheWebDeskReachesTheBuyersChat() throws Exception {
        String asked = "我要找人工客服，充值一直没到";
        String reply = "您好，我是客服，这就帮您查";
        try (LiveChat buyer = live()) {
            assertThat(buyer.send(say("buyer-w", asked), CHAT_START).get("handoff").asBoolean()).isTrue();

            browser.get(console + "conversations");
            String pseudonym = Pseudonym.of("cli:it/buyer-w");
            browser.findElement(By.cssSelector("#queue a[href$='" + pseudonym + "']")).click();
            browser.findElement(By.cssSelector("a.button")).click();
            browser.findElement(By.id("desk-claim")).click();
            browser.findElement(By.id("desk-text")).sendKeys(reply);
            browser.findElement(By.id("desk-send")).click();

            JsonNode received = buyer.await(n -> n.path("pushed").asBoolean()
                    && n.get("replies").toString().contains(reply), Duration.ofSeconds(30));
            assertThat(received.get("user").asText()).isEqualTo("buyer-w");

            // The buyer answers; the open desk page shows it without being reloaded.
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                    "on".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
            buyer.send(say("buyer-w", "好的谢谢我等您消息"), Duration.ofMinutes(1));
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    // Live updates replace the transcript while it is read.
                    .ignoring(StaleElementReferenceException.class).until(d ->
                    d.findElement(By.id("transcript")).getText().contains("好的谢谢我等您消息"));

            // An image goes through the upload (the terminal chat carries no files: the transcript records it).
            browser.findElement(By.id("desk-image")).sendKeys(SandboxFixtures.png().toAbsolutePath().toString());
            browser.findElement(By.id("desk-send-image")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    // Live updates replace the transcript while it is read.
                    .ignoring(StaleElementReferenceException.class).until(d ->
                    d.findElement(By.id("transcript")).getText().contains("[file] "));
            Browser.screenshot(browser, "desk");
        }
    }

    private static LiveChat live() throws IOException {
        List<String> args = new ArrayList<>(List.of("--session", "it"));
        args.addAll(redisArgs);
        return new LiveChat(args, workDir, shopEnv);
    }

    private static ReplyTexts texts() {
        return new ReplyTextsLoader().load(new BotFiles(workDir.resolve("bot"), workDir.resolve("knowledge-base")));
    }

    private static String press(String user, String button) {
        return json.createObjectNode().put("user", user).put("button", button).toString();
    }

    private static void login(String password) {
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    /** How many pixels of a chart's canvas are not transparent: a drawn chart has thousands. */
    private static long paintedPixels(String canvasId) {
        Object n = browser.executeScript("""
                const c = document.getElementById(arguments[0]);
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }
                return n;""", canvasId);
        return ((Number) n).longValue();
    }

    private static String say(String user, String text) {
        return json.createObjectNode().put("user", user).put("text", text).toString();
    }

    private static List<JsonNode> chat(String... lines) throws Exception {
        PackagedJar.Run run = jar(List.of("chat", "--json", "--session", "it"), String.join("\n", lines) + "\n");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String l : run.stdout()) {
            out.add(json.readTree(l));
        }
        return out;
    }

    private static PackagedJar.Run jar(List<String> args, String stdin) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.addAll(redisArgs);
        return PackagedJar.run(all, stdin, workDir, shopEnv);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
