package kefu.app;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * Leaves out, for the short commands ({@code chat}, {@code kb}, {@code bench}, {@code console user}), the Spring
 * Boot auto-configurations only a serving command ({@code serve}, {@code telegram}, {@code sandbox-shop}) has use
 * for: health, metrics export and the management server, the web server and its JSON, the console's security,
 * sessions and templates. A short command has no web server, so these would only be read, have their conditions
 * checked and mostly be skipped; filtered by name, none of them is read at all. Registered in
 * {@code META-INF/spring.factories}; it filters only when {@value #SHORT_COMMAND} is true, which
 * {@code KefuApplication} sets for the short commands.
 */
public final class ServingOnlyParts implements AutoConfigurationImportFilter, EnvironmentAware {

    public static final String SHORT_COMMAND = "kefu.short-command";

    private static final List<String> PACKAGES = List.of(
            // Actuator endpoints, the management server, health (read only through /actuator/health).
            "org.springframework.boot.actuate.",
            "org.springframework.boot.health.",
            "org.springframework.boot.data.redis.autoconfigure.health.",
            // Metrics export and the process meters nobody scrapes; the bot's own meters go to a simple registry.
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.",
            "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.",
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.",
            "org.springframework.boot.micrometer.metrics.autoconfigure.ssl.",
            "org.springframework.boot.micrometer.metrics.autoconfigure.startup.",
            "org.springframework.boot.micrometer.metrics.autoconfigure.system.",
            "org.springframework.boot.micrometer.metrics.autoconfigure.task.",
            "org.springframework.boot.micrometer.observation.",
            "org.springframework.boot.data.redis.autoconfigure.observation.",
            "org.springframework.boot.data.autoconfigure.metrics.",
            "org.springframework.boot.autoconfigure.info.",
            "org.springframework.boot.autoconfigure.jmx.",
            "org.springframework.boot.autoconfigure.admin.",
            // The web server, its JSON mapper and message converters (the bot's own JSON goes through CoreConfig's
            // ObjectMapper; the shop adapters use the JDK's HTTP client).
            "org.springframework.boot.webmvc.",
            "org.springframework.boot.servlet.",
            "org.springframework.boot.tomcat.",
            "org.springframework.boot.data.autoconfigure.web.",
            "org.springframework.boot.jackson.",
            "org.springframework.boot.http.converter.",
            // The console: logins, sessions in Redis, pages.
            "org.springframework.boot.security.",
            "org.springframework.boot.session.",
            "org.springframework.boot.thymeleaf.",
            "org.springframework.boot.transaction.jta.");

    private static final List<String> CLASSES = List.of(
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAspectsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsEndpointAutoConfiguration");

    /** The simple registry the bot's own meters go to, in a package left out otherwise. */
    private static final String KEPT = "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.";

    private boolean shortCommand;

    @Override
    public void setEnvironment(Environment environment) {
        shortCommand = environment.getProperty(SHORT_COMMAND, Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] keep = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < keep.length; i++) {
            String name = autoConfigurationClasses[i];
            keep[i] = name == null || !shortCommand || !servingOnly(name);
        }
        return keep;
    }

    static boolean servingOnly(String autoConfiguration) {
        if (autoConfiguration.startsWith(KEPT)) {
            return false;
        }
        return CLASSES.contains(autoConfiguration) || PACKAGES.stream().anyMatch(autoConfiguration::startsWith);
    }
}
