package kefu.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.console.audit.AuditLog;
import kefu.console.conversations.ConversationFinder;
import kefu.console.desk.DeskFeed;
import kefu.console.users.ConsoleUsers;
import kefu.console.users.LimitedLoginProvider;
import kefu.console.users.LoginAttempts;
import kefu.console.users.RedisUserDetails;
import kefu.console.web.ReplyTextsMessageSource;
import kefu.conversation.ReplyTexts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/**
 * The console's web side: form login at {@code /console/login} against the accounts in Redis, CSRF on every
 * form, a strict content policy (every script and style comes from the bot itself), and the rule that staff
 * see conversations and tickets while only admins change the help center, users and settings. Paths outside
 * {@code /console} (the Telegram webhook) are not touched by this chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleWebConfig implements WebMvcConfigurer {

    public static final String LOGIN = "/console/login";

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(LOGIN, "/console/assets/**").permitAll()
                        .requestMatchers("/console/admin/**").hasRole("ADMIN")
                        .anyRequest().hasRole("STAFF"))
                .formLogin(f -> f.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .defaultSuccessUrl("/console", true).failureUrl(LOGIN + "?error").permitAll())
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                                + "form-action 'self'; base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    DeskFeed deskFeed(ConversationFinder finder, ObjectMapper json, ConsoleProperties props) {
        return new DeskFeed(finder, json, props.deskPoll());
    }

    @Bean
    AuthenticationProvider consoleLogin(ConsoleUsers users, PasswordEncoder encoder, LoginAttempts attempts,
                                        AuditLog audit) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new RedisUserDetails(users));
        passwords.setPasswordEncoder(encoder);
        return new LimitedLoginProvider(passwords, attempts, audit);
    }

    /** The console's session cookie: script cannot read it, other sites' pages never send it. */
    @Bean
    CookieSerializer consoleSessionCookie(ConsoleProperties props) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("KEFU_CONSOLE");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Strict");
        cookie.setCookiePath("/");
        cookie.setUseSecureCookie(props.secureCookie());
        return cookie;
    }

    @Bean
    MessageSource messageSource(ReplyTexts texts) {
        return new ReplyTextsMessageSource(texts);
    }

    /** Chinese unless the operator switched to English ({@code ?lang=en}), remembered in a cookie. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("KEFU_CONSOLE_LANG");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LocaleChangeInterceptor()).addPathPatterns("/console/**");
    }
}
