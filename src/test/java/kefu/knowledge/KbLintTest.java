package kefu.knowledge;

import kefu.nlu.TextFolding;
import kefu.policy.ShopProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class KbLintTest {

    private static final List<String> FACTS = List.of("1-10分钟", "11位");
    private final KbLint lint = new KbLint(ShopProfile.of(List.of(
            new ShopProfile.Value("refund.bank-card-working-days", "kefu.policy.refund.bank-card-working-days", ""),
            new ShopProfile.Value("cancel.window-minutes", "kefu.shop.rules.cancel-window", "30"))),
            Pattern.compile("K\\d{13}", Pattern.CASE_INSENSITIVE), TextFolding.standard());

    private static KbLint.Source article(String id, String question, String body) {
        return new KbLint.Source("kb/" + id + ".md", "---\nid: " + id + "\ntitle: 标题\ncategory: 测试\nquestions:\n  - "
                + question + "\nsummary_en: Top-ups arrive within 1–10 minutes.\n---\n" + body + "\n");
    }

    private KbLint.Report lint(KbLint.Source... sources) {
        return lint.lint(List.of(sources), FACTS);
    }

    @Test
    void aMadeUpNumberIsAnErrorAtItsFileAndLine() {
        KbLint.Report report = lint(article("points", "积分会过期吗", "积分说明。\n\n## 有效期\n积分有效期为12个月。"));

        assertThat(report.errors()).isEqualTo(1);
        assertThat(report.findings()).singleElement().asString()
                .startsWith("kb/points.md:12: error: \"12个月\" is neither a shop-profile value nor a known fact");
    }

    @Test
    void aFactIsAcceptedInEitherLanguageAndOrderNumbersAndStepNumbersAreNotStatements() {
        KbLint.Report report = lint(article("topup", "话费多久到账",
                "话费通常1-10分钟到账，号码为11位。\n\n## 1. 催单\n发送订单号（如 K2026112400012）。"));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aNumberThatIsAProfileValueNamesTheReferenceToWrite() {
        KbLint.Report report = lint(article("cancel", "能取消吗", "支付后30分钟内可以取消。"));

        assertThat(report.findings()).singleElement().asString()
                .contains("{{policy.cancel.window-minutes}}").contains("kefu.shop.rules.cancel-window");
    }

    @Test
    void aBrokenReferenceIsAnErrorThatSuggestsTheNearestValue() {
        KbLint.Report report = lint(article("cancel", "能取消吗", "支付后{{policy.cancel.window-minute}}分钟内可以取消。"));

        assertThat(report.errors()).isEqualTo(1);
        assertThat(report.findings().get(0).message()).contains("did you mean {{policy.cancel.window-minutes}}");
    }

    @Test
    void aValueNotFilledInIsAWarningSoTheShippedHelpCenterStillPasses() {
        KbLint.Report report = lint(article("refunds", "退款多久到账",
                "银行卡{{policy.refund.bank-card-working-days}}个工作日到账。\n"
                        + "{{^policy.refund.bank-card-working-days}}到账时间请咨询人工客服。{{/policy.refund.bank-card-working-days}}"));

        assertThat(report.errors()).isZero();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(KbLint.Severity.WARNING);
            assertThat(f.line()).isEqualTo(9);
            assertThat(f.message()).contains("kefu.policy.refund.bank-card-working-days");
        });
    }

    @Test
    void aBlockLeftOpenOrAStrayBraceIsAnError() {
        KbLint.Report report = lint(article("refunds", "退款多久到账",
                "{{^policy.refund.bank-card-working-days}}请咨询人工客服。\n\n## 说明\n见 {{policy.cancel.window-minutes}。"));

        assertThat(report.findings()).extracting(KbLint.Finding::message)
                .anySatisfy(m -> assertThat(m).contains("never closed"))
                .anySatisfy(m -> assertThat(m).contains("unmatched"));
    }

    @Test
    void theSameExampleQuestionInTwoArticlesIsAnError() {
        KbLint.Report report = lint(article("urge", "怎么催单？", "说明。"), article("contact", "怎麼催單", "说明。"));

        assertThat(report.findings()).singleElement().asString()
                .startsWith("kb/contact.md:6: error: example question \"怎麼催單\" is also in kb/urge.md:6");
    }

    @Test
    void anArticleThatCannotBeReadIsAnErrorAndTheOthersAreStillChecked() {
        KbLint.Report report = lint(new KbLint.Source("kb/bad.md", "no front matter"),
                article("points", "积分会过期吗", "积分有效期为12个月。"));

        assertThat(report.articles()).isEqualTo(1);
        assertThat(report.findings()).extracting(KbLint.Finding::file).containsExactly("kb/bad.md", "kb/points.md");
    }
}
