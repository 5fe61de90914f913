package kefu.console;

import kefu.console.users.ConsoleUsers;
import kefu.console.users.Role;
import kefu.testsupport.ClassKeyPrefix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

/**
 * The whole application with its web side, over MockMvc and real Redis (sessions, users, counters), with a key
 * prefix of its own (per test class) so user names and login failures never meet another test's.
 */
@ContextCustomizerFactories(ClassKeyPrefix.class)
@SpringBootTest(properties = {"kefu.command-runner.enabled=false", "kefu.console.login-attempts=3"})
@AutoConfigureMockMvc
@Import(ConsoleTestBase.Channels.class)
abstract class ConsoleTestBase {

    /** A buyer channel that carries images, for the web desk's image sending. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Channels {
        @Bean
        PictureChannel pictureChannel() {
            return new PictureChannel();
        }
    }

    static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleUsers users;

    @Value("${kefu.redis.key-prefix}")
    String prefix;

    String prefix() {
        return prefix;
    }

    String newUser(Role role) {
        String name = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.put(name, role, PASSWORD);
        return name;
    }
}
