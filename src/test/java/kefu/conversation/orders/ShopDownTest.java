package kefu.conversation.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.Attachment;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.shop.RequestSigner;
import kefu.shop.SandboxFixtures;
import kefu.shop.ShopConnection;
import kefu.shop.ShopGateway;
import kefu.shop.ShopProperties;
import kefu.shop.sandbox.SandboxShop;
import kefu.shop.sandbox.SandboxShopServer;
import kefu.testsupport.ClassKeyPrefix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import java.util.stream.Collectors;

import static kefu.shop.SandboxFixtures.orderNo;
import static kefu.shop.SandboxFixtures.orders;
import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop goes down in the middle of an after-sales form: the buyer is told clearly, nothing is half-filed,
 * the form stays, and once the shop is back the same form is filed exactly once.
 */
@ContextCustomizerFactories(ClassKeyPrefix.class)
@SpringBootTest(properties = {"kefu.command-runner.enabled=false", "kefu.shop.secret=shop-down-test-secret-123456",
        "kefu.shop.request-timeout=1s"})
class ShopDownTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    ShopConnection connection;
    @Autowired
    SandboxShop sandbox;
    @Autowired
    ShopGateway shop;
    @Autowired
    ShopProperties props;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    private final ConversationKey buyer = new ConversationKey("test", "u" + UUID.randomUUID());

    @Test
    void aShopOutageKeepsTheFormAndFilesNothingUntilTheRetry() throws Exception {
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "software_key", "KEY-1", false, 100)));
        say("你好");
        press("intent:after_sales");
        say(no);
        say("5678");
        press("as:reason:not_working");
        say("激活失败");
        Path png = SandboxFixtures.png();
        engine.handle(Turn.attachment(buyer, null, new Attachment(png.toString(), "shot.png", "image/png",
                Files.size(png)), null));
        int port = connection.sandbox().baseUrl().getPort();

        connection.sandbox().close();
        TurnResult down = press("as:submit");
        TurnResult downStatus = engine.handle(Turn.text(new ConversationKey("test", "u" + UUID.randomUUID()), null, "你好"));

        assertThat(text(down)).matches(fromKey("shop.as.submit_failed"));
        assertThat(down.flow()).isEqualTo("after_sales");
        assertThat(down.replies().get(0).buttons()).anyMatch(b -> b.data().equals("as:submit"));
        assertThat(downStatus.replies()).isNotEmpty();

        try (SandboxShopServer back = SandboxShopServer.start(sandbox, new RequestSigner(props.secret()), props.apiKey(),
                props.maxClockSkew(), redis, json, props.sandbox().maxBodyBytes(), InetAddress.getLoopbackAddress(),
                port, clock)) {
            assertThat(shop.order(no).orElseThrow().openTicket()).as("nothing was filed while the shop was down").isNull();

            TurnResult filed = press("as:submit");

            assertThat(text(filed)).containsPattern(fromKey("shop.as.filed", Map.of("order", no)));
            assertThat(filed.flow()).isNull();
            assertThat(shop.order(no).orElseThrow().openTicket()).isNotNull();
        }
    }

    private TurnResult say(String text) {
        return engine.handle(Turn.text(buyer, null, text));
    }

    private TurnResult press(String data) {
        return engine.handle(Turn.button(buyer, null, data));
    }

    private static String text(TurnResult r) {
        return r.replies().stream().map(Reply::text).collect(Collectors.joining("\n"));
    }
}
