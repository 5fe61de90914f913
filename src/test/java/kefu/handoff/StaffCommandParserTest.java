package kefu.handoff;

import kefu.conversation.ConversationKey;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading staff commands and card buttons, before anyone checks who may give them. */
class StaffCommandParserTest {

    private final StaffCommandParser parser = new StaffCommandParser();

    @Test
    void aCommandIsReadWithOrWithoutItsSlashAndBotName() {
        assertThat(parser.command("/close@ShopBot", "")).isEqualTo(new StaffRequest.Close());
        assertThat(parser.command("close", null)).isEqualTo(new StaffRequest.Close());
        assertThat(parser.command("/QUEUE", "")).isEqualTo(new StaffRequest.ShowQueue());
    }

    @Test
    void theArgumentIsStrippedAndKeptForNotesAliasesTicketsAndBans() {
        assertThat(parser.command("/note", "  买家说已付款  ")).isEqualTo(new StaffRequest.Note("买家说已付款"));
        assertThat(parser.command("/note", null)).isEqualTo(new StaffRequest.Note(""));
        assertThat(parser.command("/alias", " 小王 ")).isEqualTo(new StaffRequest.Alias("小王"));
        assertThat(parser.command("/ticket", "T1 resolved 已补发")).isEqualTo(new StaffRequest.Ticket("T1 resolved 已补发"));
        assertThat(parser.command("/ban", "tg:42 发广告")).isEqualTo(new StaffRequest.Ban("tg:42 发广告"));
        assertThat(parser.command("/unban", "tg:42")).isEqualTo(new StaffRequest.Unban("tg:42"));
    }

    @Test
    void anOrderNumberIsReadInUpperCaseAndItsAbsenceIsKept() {
        assertThat(parser.command("/order", " k2024abc ")).isEqualTo(new StaffRequest.Order(Optional.of("K2024ABC")));
        assertThat(parser.command("/order", "")).isEqualTo(new StaffRequest.Order(Optional.empty()));
    }

    @Test
    void claimWithABuyerKeyStepsIntoThatBuyersConversation() {
        assertThat(parser.command("/claim", "tg:123456"))
                .isEqualTo(new StaffRequest.Claim(true, Optional.of(new ConversationKey("tg", "123456"))));
    }

    @Test
    void claimWithoutAnArgumentClaimsWhereItIsGiven() {
        assertThat(parser.command("/claim", "")).isEqualTo(StaffRequest.Claim.here());
        assertThat(parser.command("/claim", null)).isEqualTo(StaffRequest.Claim.here());
    }

    @Test
    void claimWithAnUnreadableBuyerNamesSomeoneButNoConversation() {
        assertThat(parser.command("/claim", "someone")).isEqualTo(new StaffRequest.Claim(true, Optional.empty()));
        assertThat(parser.command("/claim", "tg:")).isEqualTo(new StaffRequest.Claim(true, Optional.empty()));
    }

    @Test
    void aCommandStaffCannotGiveIsUnknown() {
        assertThat(parser.command("/start", "")).isEqualTo(new StaffRequest.Unknown());
        assertThat(parser.command("", "")).isEqualTo(new StaffRequest.Unknown());
        assertThat(parser.command(null, null)).isEqualTo(new StaffRequest.Unknown());
    }

    @Test
    void cardButtonsClaimCloseOrGoToTheTicketDesk() {
        assertThat(parser.button(SummaryCard.CLAIM)).isEqualTo(StaffRequest.Claim.here());
        assertThat(parser.button(SummaryCard.CLOSE)).isEqualTo(new StaffRequest.Close());
        assertThat(parser.button(StaffTickets.BUTTON + "T1:resolved"))
                .isEqualTo(new StaffRequest.TicketButton(StaffTickets.BUTTON + "T1:resolved"));
        assertThat(parser.button("staff:other")).isEqualTo(new StaffRequest.Unknown());
        assertThat(parser.button(null)).isEqualTo(new StaffRequest.Unknown());
    }
}
