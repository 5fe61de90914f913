package kefu.console.kb;

import kefu.knowledge.ArticleParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Adding an example question edits the front matter's lines and leaves the rest of the article as it was. */
class FrontMatterTest {

    static final String ARTICLE = """
            ---
            id: invoices
            title: 发票
            category: 常见问题
            questions:
              - 能开发票吗
              - 电子发票怎么申请
            tags: [发票]
            ---
            导语。

            ## 步骤
            打开订单。
            """;

    @Test
    void theQuestionIsAppendedToTheQuestionsListAndNothingElseChanges() {
        String out = FrontMatter.withQuestion(ARTICLE, "发票抬头能改吗");

        assertThat(out).isEqualTo(ARTICLE.replace("  - 电子发票怎么申请\n", "  - 电子发票怎么申请\n  - 发票抬头能改吗\n"));
        assertThat(new ArticleParser().parse("invoices.md", out).questions())
                .containsExactly("能开发票吗", "电子发票怎么申请", "发票抬头能改吗");
    }

    @Test
    void aQuestionWithYamlSyntaxIsQuotedSoItReadsBackAsWritten() {
        String question = "价格: 10# \"特价\" 吗?";

        String out = FrontMatter.withQuestion(ARTICLE, question);

        assertThat(new ArticleParser().parse("invoices.md", out).questions()).contains(question);
    }

    @Test
    void anArticleWithoutFrontMatterIsRefused() {
        assertThatThrownBy(() -> FrontMatter.withQuestion("# 标题\n正文", "问题"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
