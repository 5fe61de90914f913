package kefu.channel.telegram;

import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The webhook's web server is on the internet's edge: it listens on {@code kefu.telegram.webhook.address}
 * (loopback by default, behind a reverse proxy), cuts connections that dawdle over their headers or idle
 * between requests, and holds a bounded number of connections — so thousands of slow connections cannot
 * starve Telegram's own. The secret and body checks are {@link WebhookController}'s.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(TomcatServletWebServerFactory.class)
@ConditionalOnProperty(name = "kefu.telegram.mode", havingValue = "webhook")
public class WebhookServerLimits {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> webhookTomcatCustomizer(TelegramProperties props) {
        TelegramProperties.Webhook hook = props.webhook();
        return factory -> {
            try {
                factory.setAddress(InetAddress.getByName(hook.address()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("kefu.telegram.webhook.address is not an address: " + hook.address(), e);
            }
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                    protocol.setConnectionTimeout((int) hook.headerTimeout().toMillis());
                    protocol.setKeepAliveTimeout((int) hook.keepAliveTimeout().toMillis());
                    protocol.setMaxConnections(hook.serverConnections());
                    protocol.setAcceptCount(hook.acceptCount());
                }
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setMaxKeepAliveRequests(100);
                    http.setMaxHttpRequestHeaderSize(16 * 1024);
                }
            });
        };
    }
}
