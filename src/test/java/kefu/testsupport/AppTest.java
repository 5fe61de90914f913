package kefu.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that run the whole application against real Redis. All such tests share one key prefix
 * (so Spring reuses one context) and stay apart by using their own buyer ids.
 */
@SpringBootTest(properties = "kefu.command-runner.enabled=false")
public abstract class AppTest {

    private static final String PREFIX = RealRedis.freshPrefix();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("kefu.redis.url", RealRedis::url);
        registry.add("kefu.redis.key-prefix", () -> PREFIX);
    }

    protected static String uniqueUser() {
        return "u" + java.util.UUID.randomUUID().toString().substring(0, 12);
    }
}
