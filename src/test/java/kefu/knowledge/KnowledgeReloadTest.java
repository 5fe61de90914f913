package kefu.knowledge;

import kefu.app.BotFiles;
import kefu.nlu.EmbeddingCache;
import kefu.nlu.TextEmbedder;
import kefu.nlu.TextFolding;
import kefu.policy.ShopProfile;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeReloadTest {

    private static final ArticleTemplate NO_PROFILE = new ArticleTemplate(ShopProfile.EMPTY);

    @TempDir
    Path dir;

    @Test
    void anEditedArticleIsReloadedAndAnUnchangedFolderIsNot() throws Exception {
        Path kb = Files.createDirectories(dir.resolve("knowledge-base"));
        write(kb, "invoices", "能开发票吗", "订单完成后可以申请电子发票。");
        KnowledgeBase knowledge = new KnowledgeBase(new BotFiles(dir.resolve("bot"), kb), TextFolding.standard(),
                new TextEmbedder(BgeSmallZhV15QuantizedEmbeddingModel::new, new EmbeddingCache(null, 512)), NO_PROFILE);

        assertThat(knowledge.reload()).isFalse();

        write(kb, "gift-cards", "礼品卡怎么用", "礼品卡在资产概览中绑定后可抵扣。");
        assertThat(knowledge.reload()).isTrue();
        assertThat(knowledge.search("礼品卡如何使用").get(0).article().id()).isEqualTo("gift-cards");
    }

    @Test
    void articlesAreSearchedAndAnsweredWithTheShopsValues() throws Exception {
        Path kb = Files.createDirectories(dir.resolve("knowledge-base"));
        write(kb, "refunds", "退款几天到账", "退款原路退回。退回银行卡的一般{{policy.refund.bank}}个工作日到账。");
        write(kb, "invoices", "能开发票吗", "可以申请电子发票。发票{{policy.invoice.days}}个工作日内发出。");
        ArticleTemplate profile = new ArticleTemplate(ShopProfile.of(List.of(
                new ShopProfile.Value("refund.bank", "kefu.policy.refund.bank", "3-7"),
                new ShopProfile.Value("invoice.days", "kefu.policy.invoice.days", ""))));
        KnowledgeBase knowledge = new KnowledgeBase(new BotFiles(dir.resolve("bot"), kb), TextFolding.standard(),
                new TextEmbedder(BgeSmallZhV15QuantizedEmbeddingModel::new, new EmbeddingCache(null, 512)), profile);

        Article refunds = knowledge.search("退款要几个工作日到银行卡").get(0).article();
        assertThat(refunds.id()).isEqualTo("refunds");
        assertThat(refunds.intro()).isEqualTo("退款原路退回。退回银行卡的一般3-7个工作日到账。");
        assertThat(knowledge.article("invoices").orElseThrow().intro()).isEqualTo("可以申请电子发票。");
    }

    @Test
    void aBrokenArticleNamesTheFileAndTheProblem() throws Exception {
        Path kb = Files.createDirectories(dir.resolve("knowledge-base"));
        Files.writeString(kb.resolve("bad.md"), "---\nid: bad\ntitle: 缺少问题\ncategory: 测试\n---\n正文\n");

        assertThatThrownBy(() -> new KnowledgeBase(new BotFiles(dir.resolve("bot"), kb), TextFolding.standard(),
                new TextEmbedder(() -> null, new EmbeddingCache(null, 512)), NO_PROFILE))
                .hasMessageContaining("bad.md").hasMessageContaining("questions");
    }

    private static void write(Path kb, String id, String question, String body) throws Exception {
        Files.writeString(kb.resolve(id + ".md"), "---\nid: " + id + "\ntitle: " + question + "\ncategory: 测试\n"
                + "questions:\n  - " + question + "\n---\n" + body + "\n\n## 说明\n" + body + "\n");
    }
}
