package kefu.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.sandbox.SandboxShop;
import kefu.shop.sandbox.SandboxShopServer;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The bot's link to the shop: the configured shop at {@code kefu.shop.base-url}, or — when that is empty — a
 * sandbox shop started in this process on a free loopback port, reached through the same signed HTTP adapter.
 */
public record ShopConnection(ShopGateway gateway, SandboxShopServer sandbox) implements AutoCloseable {

    public static ShopConnection open(ShopProperties props, SandboxShop shop, StringRedisTemplate redis,
                                      ObjectMapper json, Clock clock) {
        if (!props.inProcessSandbox()) {
            if (props.secret() == null || props.secret().isBlank()) {
                throw new IllegalStateException("kefu.shop.secret (env KEFU_SHOP_SECRET) is required with kefu.shop.base-url");
            }
            return new ShopConnection(gateway(URI.create(props.baseUrl().strip()), props, props.secret(), json, clock), null);
        }
        // A secret only this process knows: nobody else can talk to the in-process sandbox.
        String secret = props.secret() == null || props.secret().isBlank() ? randomSecret() : props.secret();
        try {
            SandboxShopServer server = SandboxShopServer.start(shop, new RequestSigner(secret), props.apiKey(),
                    props.maxClockSkew(), redis, json, props.sandbox().maxBodyBytes(), InetAddress.getLoopbackAddress(),
                    0, clock);
            return new ShopConnection(gateway(server.baseUrl(), props, secret, json, clock), server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the in-process sandbox shop", e);
        }
    }

    static HttpShopGateway gateway(URI base, ShopProperties props, String secret, ObjectMapper json, Clock clock) {
        return new HttpShopGateway(base, props.apiKey(), new RequestSigner(secret), props.connectTimeout(),
                props.requestTimeout(), json, clock);
    }

    public static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
