package kefu.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code kefu.redis.*}. One of three ways to reach Redis:
 * <ul>
 *   <li>{@code url} (env {@code KEFU_REDIS_URL}), e.g. {@code redis://:secret@10.0.0.5:6379/0};</li>
 *   <li>{@code sentinel.master} and {@code sentinel.nodes} ({@code KEFU_REDIS_SENTINEL_MASTER},
 *       {@code KEFU_REDIS_SENTINEL_NODES=host:26379,host:26379}): the master Sentinel names, followed
 *       through failovers;</li>
 *   <li>{@code cluster.nodes} ({@code KEFU_REDIS_CLUSTER_NODES=host:7000,host:7001}): a Redis Cluster.</li>
 * </ul>
 * {@code password} ({@code KEFU_REDIS_PASSWORD}) is the data nodes' password for Sentinel and Cluster (the
 * URL carries its own). With none of them, an embedded Redis is started on a free loopback port with its
 * data in {@code embeddedDataDir}.
 */
@ConfigurationProperties("kefu.redis")
public record RedisProperties(String url, String keyPrefix, Path embeddedDataDir, int poolSize, String password,
                              Sentinel sentinel, Cluster cluster) {

    public record Sentinel(String master, List<String> nodes, String password) {
        public Sentinel {
            nodes = nodes == null ? List.of() : nodes.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        }

        public boolean configured() {
            return master != null && !master.isBlank();
        }
    }

    public record Cluster(List<String> nodes, int maxRedirects) {
        public Cluster {
            nodes = nodes == null ? List.of() : nodes.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
            maxRedirects = maxRedirects <= 0 ? 5 : maxRedirects;
        }

        public boolean configured() {
            return !nodes.isEmpty();
        }
    }

    public RedisProperties {
        keyPrefix = keyPrefix == null ? "kefu:" : keyPrefix;
        embeddedDataDir = embeddedDataDir == null ? Path.of("data", "redis") : embeddedDataDir;
        poolSize = poolSize <= 0 ? 64 : poolSize;
        sentinel = sentinel == null ? new Sentinel(null, List.of(), null) : sentinel;
        cluster = cluster == null ? new Cluster(List.of(), 0) : cluster;
        boolean hasUrl = url != null && !url.isBlank();
        int ways = (hasUrl ? 1 : 0) + (sentinel.configured() ? 1 : 0) + (cluster.configured() ? 1 : 0);
        if (ways > 1) {
            throw new IllegalArgumentException("set only one of kefu.redis.url, kefu.redis.sentinel.master and "
                    + "kefu.redis.cluster.nodes");
        }
        if (sentinel.configured() && sentinel.nodes().isEmpty()) {
            throw new IllegalArgumentException("kefu.redis.sentinel.nodes must list the Sentinels (host:port,...)");
        }
    }

    /** Without the URL's password. */
    @Override
    public String toString() {
        return "RedisProperties[url=" + (url == null ? "" : url.replaceAll("//[^@/]*@", "//***@")) + ", keyPrefix="
                + keyPrefix + ", embeddedDataDir=" + embeddedDataDir + ", poolSize=" + poolSize + "]";
    }

    public boolean external() {
        return url != null && !url.isBlank() || sentinel.configured() || cluster.configured();
    }
}
