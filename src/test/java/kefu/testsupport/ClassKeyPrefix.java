package kefu.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;

/**
 * Points the application at the real Redis tests use ({@link RealRedis}) and gives every test class its own key
 * prefix there (and so its own application context): queues, counters and other shop-wide keys filled by one
 * class never reach another, and each class passes when run alone. Declared with
 * {@code @ContextCustomizerFactories(ClassKeyPrefix.class)} on the test base classes and on tests of their own.
 */
public final class ClassKeyPrefix implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new PerClass(testClass.getName());
    }

    /** Equal for the same class only, which is what keeps contexts (and prefixes) apart between classes. */
    private record PerClass(String testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
            String prefix = RealRedis.freshPrefix().replaceFirst(":$", ":" + simple + ":");
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("class-key-prefix",
                            Map.of("kefu.redis.url", RealRedis.url(), "kefu.redis.key-prefix", prefix)));
        }
    }
}
