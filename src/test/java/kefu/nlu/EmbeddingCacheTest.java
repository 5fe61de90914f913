package kefu.nlu;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingCacheTest {

    @TempDir
    Path dir;

    @Test
    void aSecondStartTakesKnownTextsFromTheDiskCacheWithoutTheModel() throws Exception {
        Path file = dir.resolve("vectors.bin");
        List<String> texts = List.of("话费多久到账", "兑换码在哪里复制", "How long does a top-up take?");
        TextEmbedder first = new TextEmbedder(BgeSmallZhV15QuantizedEmbeddingModel::new, new EmbeddingCache(file, 512));
        List<float[]> computed = first.known(texts);
        assertThat(first.cache().misses()).isEqualTo(3);
        assertThat(Files.size(file)).isEqualTo(3L * (32 + 512 * 4));

        // The "restarted" embedder has a model that cannot load: every vector must come from the file.
        TextEmbedder second = new TextEmbedder(() -> {
            throw new IllegalStateException("model must not be needed");
        }, new EmbeddingCache(file, 512));
        List<float[]> cached = second.known(texts);

        assertThat(second.cache().hits()).isEqualTo(3);
        assertThat(second.cache().misses()).isZero();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cached.get(i)).containsExactly(computed.get(i));
        }
    }

    @Test
    void aTornLastEntryIsIgnored() throws Exception {
        Path file = dir.resolve("vectors.bin");
        EmbeddingCache cache = new EmbeddingCache(file, 4);
        cache.put("完整", new float[] {1, 0, 0, 0});
        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

        EmbeddingCache reread = new EmbeddingCache(file, 4);

        assertThat(reread.size()).isEqualTo(1);
        assertThat(reread.get("完整")).containsExactly(1, 0, 0, 0);
    }

    @Test
    void compactingKeepsOnlyTheVectorsStillInUse() throws Exception {
        Path file = dir.resolve("vectors.bin");
        EmbeddingCache old = new EmbeddingCache(file, 4);
        old.put("旧的文章段落", new float[] {1, 0, 0, 0});
        old.put("现在的文章段落", new float[] {0, 1, 0, 0});

        EmbeddingCache restarted = new EmbeddingCache(file, 4);
        restarted.get("现在的文章段落");
        int dropped = restarted.compact();

        assertThat(dropped).isEqualTo(1);
        assertThat(Files.size(file)).isEqualTo(32 + 4 * 4);
        assertThat(new EmbeddingCache(file, 4).get("现在的文章段落")).containsExactly(0, 1, 0, 0);
    }
}
