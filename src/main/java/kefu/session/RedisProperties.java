package kefu.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code kefu.redis.*}. {@code url} (env {@code KEFU_REDIS_URL}), e.g. {@code redis://:secret@10.0.0.5:6379/0};
 * when empty, an embedded Redis is started on a free loopback port with its data in {@code embeddedDataDir}.
 */
@ConfigurationProperties("kefu.redis")
public record RedisProperties(String url, String keyPrefix, Path embeddedDataDir, int poolSize) {

    public RedisProperties {
        keyPrefix = keyPrefix == null ? "kefu:" : keyPrefix;
        embeddedDataDir = embeddedDataDir == null ? Path.of("data", "redis") : embeddedDataDir;
        poolSize = poolSize <= 0 ? 64 : poolSize;
    }

    /** Without the URL's password. */
    @Override
    public String toString() {
        return "RedisProperties[url=" + (url == null ? "" : url.replaceAll("//[^@/]*@", "//***@")) + ", keyPrefix="
                + keyPrefix + ", embeddedDataDir=" + embeddedDataDir + ", poolSize=" + poolSize + "]";
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
