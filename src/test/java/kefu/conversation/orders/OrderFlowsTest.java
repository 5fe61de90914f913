package kefu.conversation.orders;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.conversation.ChatType;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore;
import kefu.conversation.Intent;
import kefu.conversation.Reply;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.shop.OrderStatus;
import kefu.shop.SandboxFixtures;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.sandbox.SandboxShop;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static kefu.shop.SandboxFixtures.order;
import static kefu.shop.SandboxFixtures.orderNo;
import static kefu.shop.SandboxFixtures.orders;
import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;

/** The order flows through the whole engine, the signed HTTP adapter and the in-process sandbox shop. */
class OrderFlowsTest extends AppTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    ConversationStore store;
    @Autowired
    SandboxShop sandbox;
    @Autowired
    ShopGateway shop;
    @Autowired
    ReplyTexts texts;


    private final ConversationKey buyer = new ConversationKey("test", uniqueUser());

    private TurnResult say(String text) {
        return engine.handle(Turn.text(buyer, null, text));
    }

    private TurnResult press(String data) {
        return engine.handle(Turn.button(buyer, null, data));
    }

    private TurnResult photo(Path file, String mime) throws Exception {
        return engine.handle(Turn.attachment(buyer, null,
                new Attachment(file.toString(), file.getFileName().toString(), mime, Files.size(file)), null));
    }

    private static String text(TurnResult r) {
        return r.replies().stream().map(Reply::text).collect(Collectors.joining("\n"));
    }

    private static List<String> buttons(TurnResult r) {
        return r.replies().stream().flatMap(x -> x.buttons().stream()).map(Button::data).toList();
    }

    private ConversationState state() {
        return store.peek(buyer).orElseThrow();
    }

    /** Asks about {@code no} via the menu button and proves it with the phone's last digits. */
    private TurnResult lookUp(String no) {
        say("你好");
        press("intent:order_status");
        say(no);
        return say("5678");
    }

    @Test
    void orderStatusAfterProofShowsMaskedTargetAndPlainStatus() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));

        say("你好");
        TurnResult ask = press("intent:order_status");
        TurnResult proof = say("订单号 " + no);
        TurnResult shown = say("5678");

        assertThat(ask.flow()).isEqualTo("orders");
        assertThat(text(proof)).containsPattern(fromKey("shop.ask_proof", Map.of("order", no)));
        assertThat(text(shown)).contains("138****5678").containsPattern(fromKey("shop.status.processing")).doesNotContain("13812345678");
        assertThat(shown.flow()).isNull();
        assertThat(state().fact("shop.verified")).contains(no);
        assertThat(state().fact("shop.mentioned")).contains(no);
    }

    /** "继续" after a side question while the proof is awaited: asked for it again, then the proof works. */
    @Test
    void continueAfterASideQuestionAsksForTheProofAgain() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));

        say("查订单 " + no);
        TurnResult side = say("话费充值一般多久到账");
        TurnResult again = say("继续");
        TurnResult shown = say("5678");

        assertThat(text(side)).doesNotContainPattern(fromKey("shop.ask_proof", Map.of("order", no)));
        assertThat(text(again)).containsPattern(fromKey("shop.ask_proof", Map.of("order", no)));
        assertThat(text(shown)).contains("138****5678").containsPattern(fromKey("shop.status.processing"));
    }

    @Test
    void urgingRightAfterALookUpOffersTheOrderJustProved() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 40)));
        lookUp(no);

        TurnResult urge = say("催单");

        // The order just proved is the one in focus: urged at once, no pick list.
        assertThat(text(urge)).containsPattern(fromKey("shop.urge.accepted", Map.of("order", no)));
        assertThat(buttons(urge)).noneMatch(b -> b.startsWith("pick:"));
    }

    @Test
    void namingAnotherOrderWithAnActionWhileAProofIsAskedRunsThatAction() {
        String first = orderNo();
        String second = orderNo();
        sandbox.load(orders(order(first, null, "mobile_topup", "processing", 5),
                order(second, null, "game_item", "paid", 5)));
        say(first);

        TurnResult cancel = say("取消" + second);
        TurnResult confirm = say("5678");

        assertThat(cancel.intent()).isEqualTo(Intent.CANCEL_ORDER);
        assertThat(text(cancel)).contains(second);
        assertThat(buttons(confirm)).contains("cancel:yes:" + second);
    }

    @Test
    void aClosedOrFailedOrderStillOffersANextStep() {
        String cancelled = orderNo();
        String failed = orderNo();
        sandbox.load(orders(order(cancelled, null, "video_vip", "cancelled", null),
                order(failed, null, "mobile_topup", "failed", 90)));

        TurnResult closed = lookUp(cancelled);
        say(failed);
        TurnResult notThrough = say("5678");

        assertThat(text(closed)).containsPattern(fromKey("shop.status.cancelled"));
        assertThat(buttons(closed)).contains("intent:human_handoff");
        assertThat(buttons(notThrough)).contains("intent:human_handoff");
    }

    @Test
    void wrongProofIsRefusedWithoutRevealingTheOrder() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));
        say("你好");
        press("intent:order_status");
        say(no);

        TurnResult wrong = say("0000");
        TurnResult unknownOrder = say(orderNo());
        TurnResult unknownProof = say("0000");

        assertThat(text(wrong)).containsPattern(fromKey("shop.proof.not_found", Map.of("order", no))).doesNotContain("测试商品");
        assertThat(text(unknownProof)).isEqualTo(text(wrong).replace(no, unknownProofOrder(unknownOrder)));
        assertThat(state().fact("shop.verified")).isNull();
    }

    private static String unknownProofOrder(TurnResult askedProof) {
        return text(askedProof).replaceAll("(?s).*?(K\\d{13}).*", "$1");
    }

    @Test
    void fiveWrongProofsInAnHourArePolitelyRefused() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));
        say("你好");
        press("intent:order_status");
        say(no);
        for (int i = 0; i < 5; i++) {
            say("000" + i);
        }

        TurnResult locked = say("5678");

        assertThat(text(locked)).containsPattern(fromKey("shop.proof.locked"));
        assertThat(buttons(locked)).contains("intent:human_handoff");
        assertThat(locked.flow()).isNull();
    }

    @Test
    void aBoundBuyerPicksRecentOrdersAndStillNeedsProofForSomeoneElsesOrder() {
        String account = "A" + uniqueUser();
        String code = SandboxFixtures.code();
        String mine = orderNo();
        String theirs = orderNo();
        sandbox.load(SandboxFixtures.account(account, code, order(mine, account, "video_vip", "processing", 2)));
        sandbox.load(orders(order(theirs, "someone-else", "video_vip", "processing", 2)));

        TurnResult bound = say("/bind " + code);
        TurnResult picked = press("pick:status:" + mine);
        say("你好");
        TurnResult asked = press("intent:order_status");
        TurnResult other = say(theirs);

        assertThat(text(bound)).containsPattern(fromKey("shop.bind.done"));
        assertThat(buttons(bound)).contains("pick:status:" + mine);
        assertThat(text(picked)).contains(mine).containsPattern(fromKey("shop.status.processing"));
        assertThat(state().fact("shop.account")).isEqualTo(account);
        assertThat(text(other)).containsPattern(fromKey("shop.ask_proof", Map.of("order", theirs))).doesNotContain("测试商品");
        assertThat(buttons(asked)).contains("pick:status:" + mine);
    }

    @Test
    void askingInWordsToBindTheAccountAsksForTheCodeAndBindsInChinese() {
        String account = "A" + uniqueUser();
        String code = SandboxFixtures.code();
        sandbox.load(SandboxFixtures.account(account, code));

        TurnResult asked = say("绑定账号");
        TurnResult bound = say(code);

        assertThat(text(asked)).containsPattern(fromKey("shop.bind.ask"));
        assertThat(asked.flow()).isEqualTo("orders");
        assertThat(text(bound)).containsPattern(fromKey("shop.bind.done.empty"));
        assertThat(state().fact("shop.account")).isEqualTo(account);
    }


    @Test
    void aBindCodeWorksOnlyOnce() {
        String account = "A" + uniqueUser();
        String code = SandboxFixtures.code();
        sandbox.load(SandboxFixtures.account(account, code));

        say("/bind " + code);
        TurnResult again = engine.handle(Turn.text(new ConversationKey("test", uniqueUser()), null, "/bind " + code));

        assertThat(text(again)).containsPattern(fromKey("shop.bind.invalid"));
    }

    @Test
    void redemptionCodeIsSentOnlyInPrivateChatToTheVerifiedOwner() {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "software_key", "SECRET-KEY-42", false, 100)));
        say("你好");
        press("intent:order_status");
        say(no);

        TurnResult privately = say("pw-" + no);
        engine.handle(Turn.text(buyer, null, "你好").inChat(ChatType.GROUP));
        engine.handle(Turn.button(buyer, null, "intent:order_status").inChat(ChatType.GROUP));
        TurnResult inGroup = engine.handle(Turn.text(buyer, null, no).inChat(ChatType.GROUP));

        assertThat(privately.replies()).anyMatch(r -> r.privateOnly() && r.text().contains("SECRET-KEY-42"));
        assertThat(privately.replies()).filteredOn(r -> !r.privateOnly()).noneMatch(r -> r.text().contains("SECRET"));
        assertThat(text(inGroup)).matches(fromKey("security.group.private_only")).doesNotContain("SECRET-KEY-42").doesNotContain("测试商品");
    }

    @Test
    void aLateOrderOffersTheUrgeButtonAndTheUrgeIsRecorded() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 40)));

        TurnResult shown = lookUp(no);
        TurnResult urged = press("pick:urge:" + no);
        TurnResult again = press("pick:urge:" + no);

        assertThat(text(shown)).containsPattern(fromKey("shop.status.late"));
        assertThat(buttons(shown)).contains("pick:urge:" + no);
        assertThat(text(urged)).containsPattern(fromKey("shop.urge.accepted", Map.of("order", no)));
        assertThat(state().fact("shop.urges")).contains(no);
        assertThat(text(again)).containsPattern(fromKey("shop.urge.too_soon", Map.of("order", no, "gap", 30)));
    }

    @Test
    void urgeIsRefusedBeforeFifteenMinutesWithTheReason() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 5)));
        lookUp(no);

        TurnResult early = press("intent:urge_order");
        TurnResult refused = say(no);

        assertThat(early.flow()).isEqualTo("orders");
        assertThat(text(refused)).containsPattern(fromKey("shop.urge.too_early",
                Map.of("order", no, "category", texts.get("shop.category.mobile_topup", Lang.ZH, Map.of()), "minutes", 15)));
        assertThat(refused.intent()).isEqualTo(Intent.URGE_ORDER);
        assertThat(state().fact("shop.urges")).isNull();
    }

    @Test
    void cancelNeedsAnExplicitConfirmationAndThenCancels() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "game_card", "paid", 5)));
        lookUp(no);

        TurnResult warned = say("取消订单");
        TurnResult done = press("cancel:yes:" + no);

        assertThat(text(warned)).containsPattern(fromKey("shop.cancel.confirm", Map.of("order", no)));
        assertThat(buttons(warned)).contains("cancel:yes:" + no, "cancel:no:" + no);
        assertThat(text(done)).containsPattern(fromKey("shop.cancel.done", Map.of("order", no)));
        assertThat(shop.order(no)).map(ShopOrder::status).contains(OrderStatus.REFUNDED);
    }

    @Test
    void cancelAfterTheWindowIsExplainedWithAfterSalesOffered() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "data_pack", "processing", 45)));
        lookUp(no);

        TurnResult refused = say("取消订单");

        assertThat(text(refused)).containsPattern(fromKey("shop.cancel.window_passed", Map.of("order", no, "window", 30)));
        assertThat(buttons(refused)).contains("pick:after_sales:" + no, "intent:human_handoff");
        assertThat(shop.order(no)).map(ShopOrder::status).contains(OrderStatus.PROCESSING);
    }

    @Test
    void afterSalesFormFilesOneTicketWithScreenshotAndShowsProgress() throws Exception {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "software_key", "KEY-1", false, 100)));
        say("你好");
        press("intent:after_sales");
        say(no);
        TurnResult reasons = say("5678");
        press("as:reason:not_working");
        TurnResult described = say("激活码提示无效");
        TurnResult aside = say("你好");
        TurnResult back = press("intent:after_sales");
        Path notImage = Files.createTempFile("notes", ".txt");
        Files.writeString(notImage, "hello");
        TurnResult rejected = photo(notImage, "application/octet-stream");
        TurnResult review = photo(SandboxFixtures.png(), "image/png");
        TurnResult filed = press("as:submit");
        TurnResult pressedAgain = press("as:submit");
        TurnResult progress = say("售后进度");

        assertThat(buttons(reasons)).contains("as:reason:not_received", "as:reason:not_working");
        assertThat(text(described)).containsPattern(fromKey("shop.as.ask_photo"));
        assertThat(aside.flow()).isEqualTo("after_sales");
        assertThat(text(back)).containsPattern(fromKey("shop.as.resumed", Map.of("order", no)))
                .containsPattern(fromKey("shop.as.ask_photo"));
        assertThat(text(rejected)).containsPattern(fromKey("shop.as.photo_not_image"));
        assertThat(text(review)).containsPattern(fromKey("shop.as.review", Map.of("order", no, "description", "激活码提示无效", "photos", 1)));
        assertThat(text(filed)).containsPattern(fromKey("shop.as.filed", Map.of("order", no, "min", 24, "max", 48)));
        assertThat(filed.flow()).isNull();
        assertThat(text(pressedAgain)).doesNotContainPattern(fromKey("shop.as.filed"));
        String ticket = state().fact("shop.tickets");
        assertThat(ticket).startsWith("T");
        assertThat(text(progress)).containsPattern(fromKey("shop.as.progress.line", Map.of("ticket", ticket, "order", no,
                "status", texts.get("shop.ticket.open", Lang.ZH, Map.of()))));
        assertThat(shop.order(no).orElseThrow().openTicket()).isEqualTo(ticket);
        // The same progress words whichever way the message came: by the ticket's number or by the refund it asks for.
        var line = fromKey("shop.as.progress.line", Map.of("ticket", ticket, "order", no,
                "status", texts.get("shop.ticket.open", Lang.ZH, Map.of())));
        assertThat(text(say(ticket + " 怎么样了"))).containsPattern(line);
        assertThat(text(say("我的退款怎么样了"))).containsPattern(line);
    }

    @Test
    void aSecondRequestForAnOrderWithAnOpenTicketIsNotFiled() throws Exception {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "software_key", "KEY-1", false, 100)));
        say("你好");
        press("intent:after_sales");
        say(no);
        say("5678");
        press("as:reason:other");
        say("不能用");
        photo(SandboxFixtures.png(), "image/png");
        press("as:submit");
        String first = state().fact("shop.tickets");

        press("intent:after_sales");
        TurnResult second = say(no);

        assertThat(text(second)).containsPattern(fromKey("shop.as.open_exists", Map.of("order", no, "ticket", first)));
        assertThat(second.flow()).isNull();
    }

    @Test
    void afterSalesIsRefusedForAUsedGameItemWithTheRule() {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "game_item", null, true, 30)));
        say("你好");
        press("intent:after_sales");
        say(no);

        TurnResult refused = say("5678");

        assertThat(text(refused)).containsPattern(fromKey("shop.as.refused.used",
                Map.of("order", no, "category", texts.get("shop.category.game_item", Lang.ZH, Map.of()))));
        assertThat(refused.flow()).isNull();
    }

    @Test
    void afterSalesIsRefusedForAnExpiredGameItem() {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "game_item", null, false, -1)));
        say("你好");
        press("intent:after_sales");
        say(no);

        TurnResult refused = say("5678");

        assertThat(text(refused)).containsPattern(fromKey("shop.as.refused.expired", Map.of("order", no)));
    }

    @Test
    void aQuestionInTheMiddleOfTheFormIsAnsweredWithAWayBackToTheForm() {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "mobile_topup", null, false, 100)));
        say(no + " 申请售后");
        say("5678");
        press("as:reason:not_received");
        say("充了50元话费余额没变");

        TurnResult aside = say("话费多久到账");
        TurnResult typedBack = say("继续");
        say("话费多久到账");
        TurnResult pressedBack = press("as:resume");

        assertThat(aside.intent()).isEqualTo(Intent.FAQ);
        assertThat(text(aside)).containsPattern(fromKey("shop.as.waiting", Map.of("order", no)));
        assertThat(buttons(aside)).contains("as:resume", "as:quit");
        assertThat(text(typedBack)).containsPattern(fromKey("shop.as.resumed", Map.of("order", no)))
                .containsPattern(fromKey("shop.as.ask_photo"));
        assertThat(text(pressedBack)).containsPattern(fromKey("shop.as.resumed", Map.of("order", no)))
                .containsPattern(fromKey("shop.as.ask_photo"));
        assertThat(pressedBack.flow()).isEqualTo("after_sales");
    }

    @Test
    void aFormHandedToAPersonMidwayIsKeptForLater() {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "mobile_topup", null, false, 100)));
        say(no + " 申请售后");
        say("5678");
        press("as:reason:not_received");
        say("充了50元话费余额一直没变");

        TurnResult handedOver = say("转人工");
        say("/cancel");
        TurnResult back = say("申请售后");

        assertThat(handedOver.intent()).isEqualTo(Intent.HUMAN_HANDOFF);
        assertThat(handedOver.flow()).as("the form is set aside while a person helps").isNull();
        assertThat(back.flow()).isEqualTo("after_sales");
        assertThat(text(back)).as("the form comes back where it was, at the screenshot step")
                .containsPattern(fromKey("shop.as.resumed", Map.of("order", no)))
                .containsPattern(fromKey("shop.as.ask_photo"));
    }

    @Test
    void theFormWaitsInRedisWhileTheBuyerAsksSomethingElseAndCancelLeavesIt() {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "software_key", "KEY-1", false, 100)));
        say("你好");
        press("intent:after_sales");
        say(no);
        say("5678");
        press("as:reason:not_received");

        ConversationState stored = state();
        TurnResult left = say("取消");

        assertThat(stored.flow()).isEqualTo("after_sales");
        assertThat(stored.afterSales().reason()).isEqualTo("not_received");
        assertThat(stored.afterSales().formId()).isNotBlank();
        assertThat(left.flow()).isNull();
        assertThat(state().afterSales()).as("a form given up is not kept").isNull();
        assertThat(shop.order(no).orElseThrow().openTicket()).isNull();
    }

    @Test
    void aScreenshotOverTheSizeLimitIsRefusedAndTheFormWaits() throws Exception {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "software_key", "KEY-1", false, 100)));
        say("你好");
        press("intent:after_sales");
        say(no);
        say("5678");
        press("as:reason:not_received");
        say("没有收到激活码");
        Path big = Files.createTempFile("big", ".png");
        byte[] content = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(Files.readAllBytes(SandboxFixtures.png()), 0, content, 0, 8);
        Files.write(big, content);

        TurnResult refused = photo(big, "image/png");

        assertThat(text(refused)).containsPattern(fromKey("shop.as.photo_too_large"));
        assertThat(refused.flow()).isEqualTo("after_sales");
        assertThat(state().afterSales().evidence()).isEmpty();
    }

    @Test
    void anEmailTypedAsProofKeepsTheBuyersLanguage() {
        String no = orderNo();
        sandbox.load(orders(new kefu.shop.sandbox.SandboxData.Order(no, null, "会员", "video_vip", "auto", "15",
                "buyer@example.com", "buyer@example.com", null, "processing", null, 2, null, null, false, null)));
        say("你好");
        press("intent:order_status");
        say(no);

        TurnResult shown = say("buyer@example.com");

        assertThat(text(shown)).containsPattern(fromKey("shop.status.processing")).contains("b***@example.com");
        assertThat(state().lang()).isEqualTo(kefu.conversation.Lang.ZH);
    }

    @Test
    void aFormInProgressWaitsWhileTheBuyerLooksUpAnotherOrder() throws Exception {
        String no = orderNo();
        String other = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "software_key", "KEY-1", false, 100),
                order(other, null, "mobile_topup", "processing", 3)));
        say("你好");
        press("intent:after_sales");
        say(no);
        say("5678");
        press("as:reason:not_received");
        say("没有收到激活码");

        say("你好");
        press("intent:order_status");
        say(other);
        TurnResult lookedUp = say("5678");
        say("你好");
        TurnResult back = press("intent:after_sales");
        TurnResult review = photo(SandboxFixtures.png(), "image/png");

        assertThat(text(lookedUp)).contains(other);
        assertThat(text(back)).containsPattern(fromKey("shop.as.resumed", Map.of("order", no)))
                .containsPattern(fromKey("shop.as.ask_photo"));
        assertThat(back.flow()).isEqualTo("after_sales");
        assertThat(text(review)).containsPattern(fromKey("shop.as.review", Map.of("order", no, "description", "没有收到激活码", "photos", 1)));
        assertThat(state().afterSales().orderNo()).isEqualTo(no);
        assertThat(state().afterSales().evidence()).hasSize(1);
    }
}
