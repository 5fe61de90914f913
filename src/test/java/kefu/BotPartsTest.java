package kefu;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application lists its parts instead of scanning for them at start: every component of the main code
 * must be in {@link KefuApplication}'s import list, and every settings class enabled by one of them.
 */
class BotPartsTest {

    @Test
    void everyComponentIsImported() {
        Set<String> components = mainClassesAnnotated(Component.class);
        assertThat(components).contains("kefu.app.CoreConfig", "kefu.console.web.LoginController");
        assertThat(names(imported())).isEqualTo(components);
    }

    @Test
    void everySettingsClassIsEnabledByAnImportedPart() {
        Set<String> enabled = imported().stream()
                .map(c -> c.getAnnotation(EnableConfigurationProperties.class))
                .filter(java.util.Objects::nonNull)
                .flatMap(e -> Arrays.stream(e.value()))
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> settings = mainClassesAnnotated(ConfigurationProperties.class);
        assertThat(settings).contains("kefu.app.AppProperties", "kefu.shop.kept.KeptProperties");
        assertThat(enabled).isEqualTo(settings);
    }

    private static Set<Class<?>> imported() {
        return Set.of(KefuApplication.class.getAnnotation(Import.class).value());
    }

    private static Set<String> names(Set<Class<?>> classes) {
        return classes.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Classes of the main code (not the tests') that carry the annotation, directly or through another, whatever
     * their conditions say: as the start-up scan used to read them.
     */
    private static Set<String> mainClassesAnnotated(Class<? extends java.lang.annotation.Annotation> annotation) {
        var resolver = new PathMatchingResourcePatternResolver();
        var readers = new CachingMetadataReaderFactory(resolver);
        var filter = new AnnotationTypeFilter(annotation);
        Set<String> found = new TreeSet<>();
        try {
            for (Resource file : resolver.getResources("classpath*:kefu/**/*.class")) {
                MetadataReader reader = readers.getMetadataReader(file);
                String name = reader.getClassMetadata().getClassName();
                if (filter.match(reader, readers) && !reader.getClassMetadata().isAnnotation()
                        && !name.equals(KefuApplication.class.getName()) && isMainCode(name)) {
                    found.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean isMainCode(String className) {
        try {
            var source = Class.forName(className, false, BotPartsTest.class.getClassLoader())
                    .getProtectionDomain().getCodeSource();
            return source != null && !source.getLocation().getPath().contains("test-classes");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
