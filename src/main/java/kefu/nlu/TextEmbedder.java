package kefu.nlu;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Turns text into unit-length vectors with the in-process model. Known texts (articles, example phrases)
 * come from the disk cache; the last buyer questions are kept in memory so the recogniser and the
 * answer engine embed a question once. The model loads in the background: with a warm cache the bot
 * starts without waiting for it, and only the first question does.
 */
public final class TextEmbedder {

    private static final int RECENT = 256;

    private final CompletableFuture<EmbeddingModel> model;
    private final EmbeddingCache cache;
    private final Map<String, float[]> recent = new LinkedHashMap<>(RECENT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
        }
    };

    public TextEmbedder(Supplier<EmbeddingModel> loader, EmbeddingCache cache) {
        this.model = CompletableFuture.supplyAsync(loader, task -> {
            Thread t = new Thread(task, "embedding-model-load");
            t.setDaemon(true);
            t.start();
        });
        this.cache = cache;
    }

    /** True once the model has loaded; false while it loads or when loading failed. */
    public boolean loaded() {
        return model.isDone() && !model.isCompletedExceptionally();
    }

    /** True when loading the model failed (the bot then answers without embeddings). */
    public boolean failed() {
        return model.isCompletedExceptionally();
    }

    private EmbeddingModel model() {
        try {
            return model.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the embedding model could not be loaded", e.getCause());
        }
    }

    public EmbeddingCache cache() {
        return cache;
    }

    /** A buyer's question: not written to disk. */
    public float[] query(String text) {
        synchronized (recent) {
            float[] v = recent.get(text);
            if (v != null) {
                return v;
            }
        }
        float[] v = unit(model().embed(text).content().vector());
        synchronized (recent) {
            recent.put(text, v);
        }
        return v;
    }

    /** Texts the bot knows in advance, embedded once and cached on disk. */
    public List<float[]> known(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = cache.get(texts.get(i));
            out.add(v);
            if (v == null) {
                missing.add(i);
            }
        }
        int batch = 32;
        for (int from = 0; from < missing.size(); from += batch) {
            List<Integer> part = missing.subList(from, Math.min(missing.size(), from + batch));
            List<TextSegment> segments = part.stream().map(i -> TextSegment.from(texts.get(i))).toList();
            var embeddings = model().embedAll(segments).content();
            for (int k = 0; k < part.size(); k++) {
                float[] v = unit(embeddings.get(k).vector());
                cache.put(texts.get(part.get(k)), v);
                out.set(part.get(k), v);
            }
        }
        return out;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
