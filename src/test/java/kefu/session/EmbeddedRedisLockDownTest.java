package kefu.session;

import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a local user of the machine could do to the embedded Redis: connect, reconfigure it, read its files. */
class EmbeddedRedisLockDownTest {

    private Path data;
    private EmbeddedRedis redis;
    private int port;

    @BeforeEach
    void start() throws Exception {
        data = RealRedis.tempDir("kefu-lockdown").resolve("redis");
        redis = EmbeddedRedis.start(data);
        port = URI.create(redis.url()).getPort();
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void aClientWithoutThePasswordCanDoNothing() {
        try (Jedis stranger = new Jedis("127.0.0.1", port)) {
            assertThatThrownBy(() -> stranger.set("kefu:verified", "1")).isInstanceOf(JedisDataException.class)
                    .hasMessageContaining("NOAUTH");
        }
    }

    @Test
    void theBotsClientConnectsWithTheUrlsPassword() {
        try (Jedis bot = new Jedis(URI.create(redis.url()))) {
            bot.set("kefu:probe", "1");
            assertThat(bot.get("kefu:probe")).isEqualTo("1");
        }
    }

    @Test
    void configAndOtherAdminCommandsAreDisabledEvenWithThePassword() {
        try (Jedis bot = new Jedis(URI.create(redis.url()))) {
            assertThatThrownBy(() -> bot.configSet("dir", "/tmp")).isInstanceOf(JedisDataException.class)
                    .hasMessageContaining("unknown command");
            assertThatThrownBy(bot::save).isInstanceOf(JedisDataException.class);
            assertThatThrownBy(bot::flushAll).isInstanceOf(JedisDataException.class);
            assertThatThrownBy(() -> bot.replicaof("127.0.0.1", 1)).isInstanceOf(JedisDataException.class);
        }
    }

    @Test
    void theDataDirectoryIsTheOwnersOnlyAndTheUrlIsNotPrinted() throws Exception {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(data);

        assertThat(perms).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        String password = URI.create(redis.url()).getUserInfo().substring(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(redis.toString()).doesNotContain(password);
        assertThat(new RedisEndpoint(redis.url(), redis).toString()).doesNotContain(password);
    }

    @Test
    void anExistingWorldReadableDirectoryIsNarrowedAtStart() throws Exception {
        redis.close();
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        redis = EmbeddedRedis.start(data);

        assertThat(Files.getPosixFilePermissions(data)).doesNotContain(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_READ);
    }
}
