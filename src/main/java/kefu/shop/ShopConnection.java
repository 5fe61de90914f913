package kefu.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.shop.acgfaka.AcgFakaOrders;
import kefu.shop.acgfaka.AcgFakaProperties;
import kefu.shop.dujiaoka.DujiaokaOrders;
import kefu.shop.dujiaoka.DujiaokaProperties;
import kefu.shop.dujiaonext.DujiaoNextOrders;
import kefu.shop.dujiaonext.DujiaoNextProperties;
import kefu.shop.kept.KeptEvents;
import kefu.shop.kept.KeptProperties;
import kefu.shop.kept.KeptShop;
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
import java.util.function.Supplier;

/**
 * The bot's link to the shop, by {@code kefu.shop.kind}: the signed contract at {@code kefu.shop.base-url}
 * ({@code http}); a sandbox shop started in this process on a free loopback port, reached through the same signed
 * adapter ({@code sandbox}); or a shop that can only be read — dujiaoka's database, acg-faka's or Dujiao-Next's
 * buyer API — with urges, cancel requests and tickets kept by the bot ({@link KeptShop}). {@code kept} is that
 * store, or null for shops that keep their own.
 */
public record ShopConnection(ShopGateway gateway, KeptShop kept, SandboxShopServer sandbox, AutoCloseable source)
        implements AutoCloseable {

    /** Everything a connection may need; only the chosen kind's part is read and checked. */
    public record Settings(ShopProperties shop, DujiaokaProperties dujiaoka, AcgFakaProperties acgFaka,
                           DujiaoNextProperties dujiaoNext, KeptProperties kept, String keptPrefix,
                           Supplier<KeptEvents> events) {
    }

    public static ShopConnection open(Settings settings, OrderRules rules, SandboxShop shop, StringRedisTemplate redis,
                                      ObjectMapper json, Clock clock) {
        ShopProperties props = settings.shop();
        return switch (props.shopKind()) {
            case HTTP -> {
                if (props.baseUrl() == null || props.baseUrl().isBlank()) {
                    throw new IllegalStateException("kefu.shop.base-url (env KEFU_SHOP_BASE_URL) is required with kefu.shop.kind=http");
                }
                if (props.secret() == null || props.secret().isBlank()) {
                    throw new IllegalStateException("kefu.shop.secret (env KEFU_SHOP_SECRET) is required with kefu.shop.base-url");
                }
                yield new ShopConnection(gateway(URI.create(props.baseUrl().strip()), props, props.secret(), json, clock),
                        null, null, null);
            }
            case SANDBOX -> sandbox(props, shop, redis, json, clock);
            case DUJIAOKA -> {
                settings.dujiaoka().validate(props.rules().categories().keySet());
                DujiaokaOrders orders = DujiaokaOrders.open(settings.dujiaoka(), rules);
                yield kept(orders, orders, settings, rules, redis, json, clock);
            }
            case ACG_FAKA -> {
                settings.acgFaka().validate(props.rules().categories().keySet());
                AcgFakaOrders orders = new AcgFakaOrders(settings.acgFaka(), rules, redis, settings.keptPrefix() + "acg-faka:",
                        json, clock);
                yield kept(orders, null, settings, rules, redis, json, clock);
            }
            case DUJIAO_NEXT -> {
                settings.dujiaoNext().validate(props.rules().categories().keySet());
                DujiaoNextOrders orders = new DujiaoNextOrders(settings.dujiaoNext(), rules, json);
                yield kept(orders, null, settings, rules, redis, json, clock);
            }
        };
    }

    private static ShopConnection kept(OrderSource orders, AutoCloseable closeable, Settings settings, OrderRules rules,
                                       StringRedisTemplate redis, ObjectMapper json, Clock clock) {
        KeptShop kept = new KeptShop(settings.shop().shopKind().setting(), orders, redis, settings.keptPrefix(), json, rules, settings.kept(), settings.events(), clock);
        return new ShopConnection(kept, kept, null, closeable);
    }

    private static ShopConnection sandbox(ShopProperties props, SandboxShop shop, StringRedisTemplate redis,
                                          ObjectMapper json, Clock clock) {
        // A secret only this process knows: nobody else can talk to the in-process sandbox.
        String secret = props.secret() == null || props.secret().isBlank() ? randomSecret() : props.secret();
        try {
            SandboxShopServer server = SandboxShopServer.start(shop, new RequestSigner(secret), props.apiKey(),
                    props.maxClockSkew(), redis, json, props.sandbox().maxBodyBytes(), InetAddress.getLoopbackAddress(),
                    0, clock);
            return new ShopConnection(gateway(server.baseUrl(), props, secret, json, clock), null, server, null);
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
        if (source != null) {
            try {
                source.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ShopConnection.class).warn("closing the shop connection: {}", e.toString());
            }
        }
    }
}
