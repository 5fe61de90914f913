package kefu.knowledge;

import kefu.policy.ShopProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleTemplateTest {

    private final ArticleTemplate template = new ArticleTemplate(ShopProfile.of(List.of(
            new ShopProfile.Value("refund.wechat", "kefu.policy.refund.wechat", "1-3"),
            new ShopProfile.Value("refund.bank", "kefu.policy.refund.bank", ""),
            new ShopProfile.Value("service.hours", "kefu.handoff.service-opens/-closes", "9:00-24:00"))));
    private final List<String> problems = new ArrayList<>();

    private String render(String text) {
        return template.render(text, problems::add);
    }

    @Test
    void aFilledInValueIsPutIntoItsSentence() {
        assertThat(render("人工客服每天{{policy.service.hours}}在线。")).isEqualTo("人工客服每天9:00-24:00在线。");
        assertThat(render("WeChat refunds take {{ policy.refund.wechat }} working days."))
                .isEqualTo("WeChat refunds take 1-3 working days.");
    }

    @Test
    void theSentenceOfAValueNotFilledInIsLeftOutAndTheOthersStay() {
        assertThat(render("退款原路退回。微信一般{{policy.refund.wechat}}个工作日；银行卡一般{{policy.refund.bank}}个工作日。"))
                .isEqualTo("退款原路退回。微信一般1-3个工作日。");
        assertThat(render("Balance refunds are instant. Bank cards take {{policy.refund.bank}} days. Ask us anything."))
                .isEqualTo("Balance refunds are instant. Ask us anything.");
        assertThat(problems).isEmpty();
    }

    @Test
    void aListItemOfAValueNotFilledInGoesAndTheListStaysWhole() {
        assertThat(render("- 余额：即时到账；\n- 银行卡：{{policy.refund.bank}}个工作日；\n- 微信：{{policy.refund.wechat}}个工作日。"))
                .isEqualTo("- 余额：即时到账；\n- 微信：1-3个工作日。");
    }

    @Test
    void aBlockForAnUnsetValueStandsInForTheSentenceLeftOut() {
        String text = "- 银行卡：{{policy.refund.bank}}个工作日。\n"
                + "{{^policy.refund.bank}}- 银行卡：到账时间请咨询人工客服。{{/policy.refund.bank}}\n"
                + "{{^policy.refund.wechat}}- 微信：请咨询人工客服。{{/policy.refund.wechat}}\n"
                + "{{#policy.refund.wechat}}- 微信：{{policy.refund.wechat}}个工作日。{{/policy.refund.wechat}}";

        assertThat(render(text)).isEqualTo("- 银行卡：到账时间请咨询人工客服。\n- 微信：1-3个工作日。");
    }

    @Test
    void anEnglishAbbreviationDoesNotEndASentence() {
        assertThat(render("Longer at peak times (e.g. month start) or {{policy.refund.bank}} days."))
                .isEmpty();
    }

    @Test
    void aReferenceToAValueTheProfileDoesNotHaveIsReportedAndNotGuessed() {
        assertThat(render("发票{{policy.invoice.days}}天内发出。请留意邮箱。")).isEqualTo("请留意邮箱。");
        assertThat(problems).singleElement().asString().contains("{{policy.invoice.days}}");
    }

    @Test
    void aSectionWithNothingLeftIsDroppedFromTheArticle() {
        Article article = new Article("refunds", "退款", "", "售后", List.of(), List.of("退款多久到账"), List.of(),
                "", List.of(), "退款原路退回。", List.of(new Article.Section("银行卡", "一般{{policy.refund.bank}}个工作日。"),
                new Article.Section("微信", "一般{{policy.refund.wechat}}个工作日。")));

        Article rendered = template.render(article, problems::add);

        assertThat(rendered.sections()).extracting(Article.Section::heading).containsExactly("微信");
        assertThat(rendered.sections().get(0).text()).isEqualTo("一般1-3个工作日。");
    }
}
