package kefu.channel.telegram;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Under {@code serve} in webhook mode the console keeps its own (loopback) address and the webhook gets a second
 * connector on {@code kefu.telegram.webhook.port}, on every interface. That connector answers the webhook path
 * only: the console is never reachable through the port opened to Telegram.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kefu.telegram.webhook.own-connector", havingValue = "true")
public class WebhookConnector {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> webhookPortConnector(TelegramProperties props) {
        return factory -> {
            Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            connector.setPort(props.webhook().port());
            factory.addAdditionalConnectors(connector);
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webhookPortOnlyServesTheWebhook(TelegramProperties props) {
        int port = props.webhook().port();
        String path = props.webhook().path();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getLocalPort() == port && !path.equals(request.getRequestURI())) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
