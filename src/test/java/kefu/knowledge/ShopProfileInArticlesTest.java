package kefu.knowledge;

import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.handoff.HandoffProperties;
import kefu.policy.ShopProfile;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped help center as buyers read it: rendered with the shop profile, no reference left over. */
class ShopProfileInArticlesTest extends AppTest {

    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    ShopProfile profile;
    @Autowired
    HandoffProperties handoff;
    @Autowired
    ConversationEngine engine;

    @Test
    void noTemplateReferenceReachesABuyer() {
        assertThat(knowledge.articles()).allSatisfy(a -> assertThat(Stream.concat(
                Stream.of(a.title(), a.titleEn(), a.intro(), a.summaryEn()),
                a.sections().stream().flatMap(s -> Stream.of(s.heading(), s.text()))))
                .noneMatch(t -> t.contains("{{") || t.contains("}}")));
    }

    @Test
    void theServiceHoursTheHelpCenterStatesAreTheHoursTheBotEnforces() {
        String opens = handoff.serviceOpens().replaceFirst("^0(\\d:)", "$1");
        String hours = opens + "-" + handoff.serviceCloses();
        assertThat(profile.value("service.hours")).contains(hours);

        TurnResult r = engine.handle(Turn.text(new ConversationKey("test", uniqueUser()), null, "人工客服几点上班"));

        assertThat(r.sources()).extracting(s -> s.id()).containsExactly("contact-and-service-hours");
        assertThat(r.replies().get(0).text()).contains(hours);
    }

    @Test
    void theStarterProfileLeavesShopDecisionsUnsetRatherThanMadeUp() {
        assertThat(profile.unset()).extracting(ShopProfile.Value::setting)
                .contains("kefu.policy.refund.bank-card-working-days", "kefu.policy.points.valid-months",
                        "kefu.policy.invoice.working-days");
    }
}
