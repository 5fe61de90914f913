package kefu.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.app.CliCommand;
import kefu.shop.sandbox.SandboxShop;
import kefu.shop.sandbox.SandboxShopServer;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code sandbox-shop --port 8088}: serves the sandbox shop on its own, for a bot started elsewhere with
 * {@code kefu.shop.base-url}. Uses {@code kefu.shop.secret}; without one it makes one up and prints it.
 */
public final class SandboxShopCommand implements CliCommand {

    private final SandboxShop shop;
    private final ShopProperties props;
    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Clock clock;

    public SandboxShopCommand(SandboxShop shop, ShopProperties props, StringRedisTemplate redis, ObjectMapper json,
                              Clock clock) {
        this.shop = shop;
        this.props = props;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sandbox-shop";
    }

    @Override
    public String summary() {
        return "serve the sandbox shop over HTTP on 127.0.0.1; --port N (default 8088)";
    }

    @Override
    public boolean keepsRunning() {
        return true;
    }

    @Override
    public int run(List<String> args) throws Exception {
        int port = 8088;
        int p = args.indexOf("--port");
        if (p >= 0 && p + 1 < args.size()) {
            port = Integer.parseInt(args.get(p + 1));
        }
        String secret = props.secret();
        if (secret == null || secret.isBlank()) {
            secret = ShopConnection.randomSecret();
            System.err.println("No KEFU_SHOP_SECRET set; this sandbox uses the secret " + secret
                    + " (give the bot the same with KEFU_SHOP_SECRET).");
        }
        SandboxShopServer server = SandboxShopServer.start(shop, new RequestSigner(secret), props.apiKey(), props.maxClockSkew(), redis,
                json, props.sandbox().maxBodyBytes(), InetAddress.getLoopbackAddress(), port, clock);
        System.err.println("Sandbox shop serving " + server.baseUrl() + " (API key " + props.apiKey()
                + "); stop with Ctrl-C.");
        // The server's threads are daemons; this one keeps the process serving until it is stopped.
        CountDownLatch stopped = new CountDownLatch(1);
        Thread keeper = new Thread(() -> {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sandbox-shop-keeper");
        keeper.start();
        SandboxShopServer started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.close();
            stopped.countDown();
        }, "sandbox-shop-stop"));
        return 0;
    }
}
