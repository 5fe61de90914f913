package kefu.nlu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vectors of texts already embedded, kept on disk keyed by the SHA-256 of the text, so a restart does not
 * embed unchanged articles and example phrases again. One append-only file per model; a torn last entry
 * (crash while writing) is ignored.
 */
public final class EmbeddingCache {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);

    private final Path file;
    private final int dimension;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    /** Keys asked for or added in this run: what {@link #compact} keeps. */
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private int hits;
    private int misses;

    /** @param file where vectors are kept, or null for a cache in memory only */
    public EmbeddingCache(Path file, int dimension) {
        this.file = file;
        this.dimension = dimension;
        if (file != null && Files.isRegularFile(file)) {
            read();
        }
    }

    public static String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public float[] get(String text) {
        String key = key(text);
        float[] v = vectors.get(key);
        if (v != null) {
            used.add(key);
        }
        synchronized (this) {
            if (v == null) {
                misses++;
            } else {
                hits++;
            }
        }
        return v;
    }

    public synchronized void put(String text, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector of " + vector.length + " dimensions, cache holds " + dimension);
        }
        String key = key(text);
        used.add(key);
        if (vectors.putIfAbsent(key, vector) != null || file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                out.write(HexFormat.of().parseHex(key));
                for (float f : vector) {
                    out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            // The bot works without the cache; it only starts slower next time.
            log.warn("cannot write embedding cache {}: {}", file, e.toString());
        }
    }

    /**
     * Rewrites the file with only the vectors used in this run (edited articles leave old vectors behind).
     * Returns how many were dropped.
     */
    public synchronized int compact() throws IOException {
        if (file == null) {
            return 0;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        int dropped = 0;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            for (var e : vectors.entrySet()) {
                if (!used.contains(e.getKey())) {
                    dropped++;
                    continue;
                }
                out.write(HexFormat.of().parseHex(e.getKey()));
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        vectors.keySet().retainAll(used);
        return dropped;
    }

    public synchronized int hits() {
        return hits;
    }

    public synchronized int misses() {
        return misses;
    }

    public int size() {
        return vectors.size();
    }

    private void read() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] key = new byte[32];
            while (true) {
                float[] v = new float[dimension];
                try {
                    in.readFully(key);
                    for (int i = 0; i < dimension; i++) {
                        v[i] = in.readFloat();
                    }
                } catch (EOFException end) {
                    break;
                }
                vectors.put(HexFormat.of().formatHex(key), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding cache " + file, e);
        }
    }
}
