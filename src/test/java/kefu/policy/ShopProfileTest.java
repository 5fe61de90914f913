package kefu.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopProfileTest {

    private static final PolicyConfig.Enforced RULES = new PolicyConfig.Enforced("08:30", "22:00", Duration.ofMinutes(30),
            24, 48, Map.of("mobile_topup", 15, "game_item", 30));

    @Test
    void serviceHoursInArticlesAreTheHoursTheBotEnforces() {
        ShopProfile profile = PolicyConfig.profile(Map.of(), RULES);

        assertThat(profile.value("service.hours")).contains("8:30-22:00");
        assertThat(profile.value("service.opens")).contains("8:30");
        assertThat(profile.find("service.hours").orElseThrow().setting()).startsWith("kefu.handoff.service-opens");
    }

    @Test
    void equalOpeningAndClosingTimesReadAsAroundTheClock() {
        ShopProfile profile = PolicyConfig.profile(Map.of(), new PolicyConfig.Enforced("00:00", "00:00",
                Duration.ofMinutes(30), 24, 48, Map.of()));

        assertThat(profile.value("service.hours")).contains("0:00-24:00");
    }

    @Test
    void urgeCancelAndAfterSalesValuesAreTheShopRules() {
        ShopProfile profile = PolicyConfig.profile(Map.of(), RULES);

        assertThat(profile.value("urge.mobile_topup.after-minutes")).contains("15");
        assertThat(profile.value("urge.game_item.after-minutes")).contains("30");
        assertThat(profile.value("cancel.window-minutes")).contains("30");
        assertThat(profile.value("after-sales.min-hours")).contains("24");
        assertThat(profile.value("after-sales.max-hours")).contains("48");
    }

    @Test
    void anEmptyValueIsUnsetAndNamedInTheOneStartUpWarning() {
        ShopProfile profile = PolicyConfig.profile(Map.of("refund.bank-card-working-days", "",
                "points.valid-months", " ", "invoice.working-days", "3"), RULES);

        assertThat(profile.value("refund.bank-card-working-days")).isEmpty();
        assertThat(profile.value("invoice.working-days")).contains("3");
        assertThat(profile.unset()).extracting(ShopProfile.Value::key)
                .containsExactlyInAnyOrder("refund.bank-card-working-days", "points.valid-months");
        assertThat(profile.unfilledWarning()).hasValueSatisfying(w -> assertThat(w)
                .contains("2 value(s)", "kefu.policy.refund.bank-card-working-days", "kefu.policy.points.valid-months")
                .doesNotContain("kefu.policy.invoice.working-days"));
    }

    @Test
    void aFilledInProfileGivesNoWarning() {
        assertThat(PolicyConfig.profile(Map.of("invoice.working-days", "3"), RULES).unfilledWarning()).isEmpty();
    }

    @Test
    void anEnforcedRuleWrittenUnderPolicyStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> PolicyConfig.profile(Map.of("service.hours", "9:00-18:00"), RULES))
                .hasMessageContaining("kefu.policy.service.hours").hasMessageContaining("kefu.handoff");
    }

    @Test
    void aValueCannotCarryATemplateReference() {
        assertThatThrownBy(() -> PolicyConfig.profile(Map.of("contact.phone", "{{policy.contact.email}}"), RULES))
                .hasMessageContaining("kefu.policy.contact.phone");
    }
}
