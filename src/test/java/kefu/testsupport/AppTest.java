package kefu.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Base for tests that run the whole application against real Redis. Each test class has its own key prefix
 * ({@link ClassKeyPrefix}); tests within a class stay apart by using their own buyer ids.
 */
@ContextCustomizerFactories(ClassKeyPrefix.class)
@SpringBootTest(properties = "kefu.command-runner.enabled=false")
public abstract class AppTest {

    protected static String uniqueUser() {
        return "u" + java.util.UUID.randomUUID().toString().substring(0, 12);
    }
}
