package kefu.conversation.dialogue;

import kefu.conversation.Intent;
import kefu.conversation.TurnResult;
import kefu.shop.SandboxFixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static kefu.shop.SandboxFixtures.account;
import static kefu.shop.SandboxFixtures.delivered;
import static kefu.shop.SandboxFixtures.order;
import static kefu.shop.SandboxFixtures.orderNo;
import static kefu.shop.SandboxFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue cases 3, 9, 10, 11, 12, 13, 15 and 20: orders read in the conversation's context. */
class OrderContextTest extends DialogueTestBase {

    @Test
    void case3_followUpsUseTheOrderInFocus() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 40)));
        say(no);
        say("5678");

        TurnResult urge = say("帮我催一下");
        TurnResult wait = say("那我等多久");

        assertThat(urge.intent()).isEqualTo(Intent.URGE_ORDER);
        assertThat(text(urge)).contains(no).doesNotContain(lead("shop.ask_order.bound"));
        assertThat(buttons(urge)).noneMatch(b -> b.startsWith("pick:"));
        assertThat(text(wait)).contains(no).endsWith(tail("shop.followup.urged_until"));
        assertThat(state().dialogue().focus().orderNo()).isEqualTo(no);
    }

    @Test
    void case3_howLongAfterATooEarlyUrgeSaysWhenUrgingOpens() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 2)));
        say(no + " 催一下");
        TurnResult refused = say("5678");

        TurnResult wait = say("那我等多久");
        TurnResult again = say("要等多久");

        assertThat(text(refused)).endsWith(tail("shop.urge.too_early"));
        assertThat(wait.intent()).isEqualTo(Intent.ORDER_STATUS);
        assertThat(text(wait)).contains(no).endsWith(tail("shop.followup.urge_from"));
        // The time named is the one the refusal gave: when an urge becomes possible.
        String opensAt = text(refused).replaceAll("(?s).*?(\\d{2}-\\d{2} \\d{2}:\\d{2}).*", "$1");
        assertThat(text(wait)).contains(opensAt);
        assertThat(text(again)).isEqualTo(text(wait));
        assertThat(buttons(wait)).contains("intent:human_handoff");
    }

    @Test
    void case3_howLongAfterAnAcceptedUrgeGivesThePromisedTime() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 40)));
        say(no + " 催一下");
        TurnResult urged = say("5678");

        TurnResult wait = say("要等多久");

        String handled = text(urged).replaceAll("(?s).*?(\\d{2}-\\d{2} \\d{2}:\\d{2}).*", "$1");
        assertThat(text(wait)).contains(no, handled).endsWith(tail("shop.followup.urged_until"));
    }

    @Test
    void case3_cancellingThisOrderAsksToConfirmThatOrder() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "paid", 2)));
        say(no);
        say("5678");

        TurnResult cancel = say("取消这个订单");

        assertThat(cancel.intent()).isEqualTo(Intent.CANCEL_ORDER);
        assertThat(buttons(cancel)).contains("cancel:yes:" + no);
    }

    @Test
    void case9_looseOrderNumbersAndTheProofInTheSameMessage() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "video_vip", "processing", 2)));
        String spaced = "k" + no.substring(1, 5) + " " + no.substring(5, 9) + " " + no.substring(9);

        TurnResult loose = say(spaced + " 查一下");
        TurnResult bare = say(no.substring(1) + " 怎么样了");
        TurnResult withProof = say("订单号：" + no + "，手机尾号5678");

        assertThat(loose.intent()).isEqualTo(Intent.ORDER_STATUS);
        assertThat(text(loose)).contains(no);
        assertThat(text(bare)).contains(no);
        assertThat(text(withProof)).contains("138****5678").doesNotContain(lead("shop.ask_proof"));
    }

    @Test
    void case9_everyOrderOfAMessageIsShownWithOneProof() {
        String first = orderNo();
        String second = orderNo();
        sandbox.load(orders(order(first, null, "mobile_topup", "processing", 2),
                order(second, null, "video_vip", "processing", 2)));

        say(first + " " + second + " 查一下");
        TurnResult shown = say("5678");

        assertThat(text(shown)).contains(first).contains(second);
    }

    @Test
    void case9_anotherShopsNumberIsSaidToBeNotOurs() {
        TurnResult r = say("DD20231122001");

        assertThat(text(r)).isEqualTo(reply("shop.order_foreign", Map.of("number", "DD20231122001")));
    }

    @Test
    void case10_theFullPhoneNumberAndTheAccountEmailAreProofs() {
        String phone = orderNo();
        String email = orderNo();
        sandbox.load(account("A" + SandboxFixtures.code(), "BIND-" + SandboxFixtures.code(),
                order(phone, null, "video_vip", "processing", 2)));
        String accountId = "A" + SandboxFixtures.code();
        sandbox.load(account(accountId, "BIND-" + SandboxFixtures.code(), order(email, accountId, "video_vip", "processing", 2)));

        say(phone);
        TurnResult byPhone = say("13812345678");
        say(email);
        TurnResult byEmail = say("t@example.com");

        assertThat(text(byPhone)).contains(phone).doesNotContain(lead("shop.proof.not_found"));
        assertThat(text(byEmail)).contains(email).doesNotContain(lead("shop.proof.not_found"));
    }

    @Test
    void case10_aSlashCommandIsNeverCheckedAsAProof() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "video_vip", "processing", 2)));
        say(no);

        TurnResult r = say("/queue");

        assertThat(text(r)).doesNotContain(lead("shop.proof.not_found"));
        assertThat(state().flow()).isEqualTo("orders");
    }

    @Test
    void case11_aBoundBuyersTopUpQuestionShowsTheirTopUpsAndUnbindWorks() {
        String topUp = orderNo();
        String vip = orderNo();
        String id = "A" + SandboxFixtures.code();
        String code = "BIND-" + SandboxFixtures.code();
        sandbox.load(account(id, code, order(topUp, id, "mobile_topup", "processing", 40),
                order(vip, id, "video_vip", "processing", 2)));
        say("/bind " + code);

        TurnResult mine = say("查一下我的话费到了没");
        TurnResult unbind = say("解绑");

        assertThat(mine.intent()).isEqualTo(Intent.ORDER_STATUS);
        assertThat(text(mine)).contains(topUp).doesNotContain(vip);
        assertThat(text(unbind)).isEqualTo(reply("shop.unbind.done"));
        assertThat(state().fact("shop.account")).isNull();
    }

    @Test
    void case12_afterAnUrgeTheStatusCardSaysSoAndOffersNoUrge() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 40)));
        say(no + " 催一下");
        say("5678");

        TurnResult card = say(no);

        assertThat(text(card)).contains(tail("shop.status.urged")).doesNotContain(tail("shop.status.late"));
        assertThat(buttons(card)).doesNotContain("pick:urge:" + no);
    }

    @Test
    void case13_bothPartsOfAMixedRequestAreAnswered() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 2)));

        TurnResult r = say("查一下" + no + " 顺便问下能开发票吗");

        assertThat(text(r)).contains(lead("shop.ask_proof")).contains("发票");
        assertThat(r.sources()).isNotEmpty();
    }

    @Test
    void mixedOrderActions_eachOrderGetsItsOwnAction() {
        String urged = orderNo();
        String cancelled = orderNo();
        String account = "A" + cancelled.substring(8);
        sandbox.load(account(account, "BIND-" + cancelled.substring(9), order(urged, account, "mobile_topup", "processing", 40),
                order(cancelled, account, "mobile_topup", "paid", 2)));
        say("/bind BIND-" + cancelled.substring(9));

        TurnResult r = say(urged + " 催一下，" + cancelled + " 取消");

        assertThat(text(r)).contains(lead("shop.urge.accepted")).contains(urged);
        assertThat(buttons(r)).contains("cancel:yes:" + cancelled).noneMatch(b -> b.endsWith(urged) && b.startsWith("cancel"));
    }

    @Test
    void mixedOrderActions_theSecondWaitsWhileTheFirstNeedsAProofAndTheBuyerIsToldSo() {
        String urged = orderNo();
        String cancelled = orderNo();
        sandbox.load(orders(order(urged, null, "mobile_topup", "processing", 40),
                order(cancelled, null, "mobile_topup", "paid", 2)));

        TurnResult r = say(urged + " 催一下，" + cancelled + " 取消");
        TurnResult proved = say("5678");

        assertThat(text(r)).contains(lead("shop.ask_proof"), urged)
                .contains(lead("also.after_this")).contains(cancelled + " 取消");
        assertThat(text(proved)).contains(lead("shop.urge.accepted")).contains(urged);
    }

    @Test
    void case15_iHavePaidAfterAnUnpaidCardIsReadAgainstThatCard() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "game_card", "pending_payment", null)));
        say(no);
        say("5678");

        TurnResult paid = say("我已经付款了");

        assertThat(text(paid)).startsWith(reply("shop.followup.paid_pending")).contains(no);
        assertThat(buttons(paid)).contains("intent:human_handoff");
    }

    @Test
    void case20_deliveredIsWordedForTheCategory() {
        String no = orderNo();
        sandbox.load(orders(delivered(no, null, "software_key", "W269N-TEST", false, 3650)));
        say(no);

        TurnResult r = say("5678");

        assertThat(text(r)).contains(reply("shop.status.delivered.software_key"))
                .doesNotContain(reply("shop.status.delivered"));
    }
}
