package kefu.knowledge;

import kefu.app.BotFiles;
import kefu.nlu.EmbeddingCache;
import kefu.nlu.TextEmbedder;
import kefu.nlu.TextFolding;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeReloadTest {

    @TempDir
    Path dir;

    @Test
    void anEditedArticleIsReloadedAndAnUnchangedFolderIsNot() throws Exception {
        Path kb = Files.createDirectories(dir.resolve("knowledge-base"));
        write(kb, "invoices", "能开发票吗", "订单完成后可以申请电子发票。");
        KnowledgeBase knowledge = new KnowledgeBase(new BotFiles(dir.resolve("bot"), kb), TextFolding.standard(),
                new TextEmbedder(BgeSmallZhV15QuantizedEmbeddingModel::new, new EmbeddingCache(null, 512)));

        assertThat(knowledge.reload()).isFalse();

        write(kb, "gift-cards", "礼品卡怎么用", "礼品卡在资产概览中绑定后可抵扣。");
        assertThat(knowledge.reload()).isTrue();
        assertThat(knowledge.search("礼品卡如何使用").get(0).article().id()).isEqualTo("gift-cards");
    }

    @Test
    void aBrokenArticleNamesTheFileAndTheProblem() throws Exception {
        Path kb = Files.createDirectories(dir.resolve("knowledge-base"));
        Files.writeString(kb.resolve("bad.md"), "---\nid: bad\ntitle: 缺少问题\ncategory: 测试\n---\n正文\n");

        assertThatThrownBy(() -> new KnowledgeBase(new BotFiles(dir.resolve("bot"), kb), TextFolding.standard(),
                new TextEmbedder(() -> null, new EmbeddingCache(null, 512))))
                .hasMessageContaining("bad.md").hasMessageContaining("questions");
    }

    private static void write(Path kb, String id, String question, String body) throws Exception {
        Files.writeString(kb.resolve(id + ".md"), "---\nid: " + id + "\ntitle: " + question + "\ncategory: 测试\n"
                + "questions:\n  - " + question + "\n---\n" + body + "\n\n## 说明\n" + body + "\n");
    }
}
