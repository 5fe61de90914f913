package kefu.nlu;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bot's loader must give the vectors of the artifact's own loader: the disk cache holds vectors of both. */
class PackagedEmbeddingModelTest {

    private static final List<String> TEXTS = List.of("话费多久到账", "兑换码在哪里复制", "How long does a top-up take?",
            "訂單一直沒到賬怎麼辦");

    @Test
    void givesTheVectorsOfTheArtifactsOwnLoader() {
        EmbeddingModel ours = PackagedEmbeddingModel.load();
        EmbeddingModel theirs = new BgeSmallZhV15QuantizedEmbeddingModel();

        assertThat(ours.dimension()).isEqualTo(NluConfig.DIMENSION);
        List<TextSegment> segments = TEXTS.stream().map(TextSegment::from).toList();
        var a = ours.embedAll(segments).content();
        var b = theirs.embedAll(segments).content();
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] x = a.get(i).vector();
            float[] y = b.get(i).vector();
            assertThat(x).hasSize(NluConfig.DIMENSION);
            for (int k = 0; k < x.length; k++) {
                assertThat(x[k]).as("%s[%d]", TEXTS.get(i), k).isCloseTo(y[k], within(1e-6f));
            }
        }
    }

    @Test
    void differentTextsGetDifferentVectors() {
        EmbeddingModel model = PackagedEmbeddingModel.load();

        double same = TextEmbedder.cosine(unit(model.embed("话费多久到账").content().vector()),
                unit(model.embed("话费充值多久能到账").content().vector()));
        double other = TextEmbedder.cosine(unit(model.embed("话费多久到账").content().vector()),
                unit(model.embed("怎么修改登录密码").content().vector()));

        assertThat(same).isGreaterThan(other + 0.1);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }
}
