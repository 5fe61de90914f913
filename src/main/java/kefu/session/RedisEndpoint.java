package kefu.session;

/**
 * The Redis server the bot talks to by URL (null for Sentinel and Cluster, which {@link RedisConfig} reads
 * from the settings), and the embedded one it started (if any), stopped with the app.
 */
public record RedisEndpoint(String url, EmbeddedRedis embedded) implements AutoCloseable {

    public static RedisEndpoint of(RedisProperties props) {
        if (props.external()) {
            return new RedisEndpoint(props.url() == null || props.url().isBlank() ? null : props.url().strip(), null);
        }
        EmbeddedRedis server = EmbeddedRedis.start(props.embeddedDataDir());
        return new RedisEndpoint(server.url(), server);
    }

    /** Without the URL's password. */
    @Override
    public String toString() {
        return "RedisEndpoint[" + url.replaceAll("//[^@/]*@", "//***@") + (embedded == null ? "" : ", embedded") + "]";
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
