package kefu.shop.notices;

import kefu.channel.console.CliBuyerMessenger;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Lang;
import kefu.conversation.Reply;
import kefu.conversation.ReplyTexts;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.handoff.DeliveryNotifier;
import kefu.shop.SandboxFixtures;
import kefu.shop.sandbox.SandboxShop;
import kefu.testsupport.ClassKeyPrefix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static kefu.shop.SandboxFixtures.orderNo;
import static kefu.shop.SandboxFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery notices on the sandbox shop: a buyer who proved an order still being processed is told once when it is
 * delivered; a buyer who turned notices off is not watched. Checks are due at once here and swept by hand.
 */
@ContextCustomizerFactories(ClassKeyPrefix.class)
@SpringBootTest(properties = {"kefu.command-runner.enabled=false", "kefu.shop.notices.first-check=0s",
        "kefu.shop.notices.sweep-every=0"})
class DeliveryNoticeTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    SandboxShop sandbox;
    @Autowired
    DeliveryNotifier notifier;
    @Autowired
    DeliveryWatches watches;
    @Autowired
    CliBuyerMessenger messenger;
    @Autowired
    ReplyTexts texts;
    @Autowired
    kefu.conversation.ConversationStore store;

    @Test
    void aBuyerWhoProvedAnUndeliveredOrderIsToldOnceWhenItIsDelivered() {
        ConversationKey buyer = new ConversationKey("cli", "u" + UUID.randomUUID());
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.order(no, null, "game_item", "processing", 5)));
        engine.handle(Turn.text(buyer, null, no));
        engine.handle(Turn.text(buyer, null, "5678"));

        notifier.sweep();
        assertThat(messenger.drain(buyer)).as("not delivered yet: nothing to tell").isEmpty();

        sandbox.load(orders(SandboxFixtures.delivered(no, null, "game_item", "CODE-1", false, 30)));
        notifier.sweep();
        notifier.sweep();

        assertThat(messenger.drain(buyer)).extracting(Reply::text).containsExactly(texts.get("shop.notice.delivered",
                store.peek(buyer).orElseThrow().lang(), Map.of("order", no, "product", "测试商品 game_item")));
        assertThat(String.join("", messenger.drain(buyer).stream().map(Reply::text).toList())).doesNotContain("CODE-1");
    }

    @Test
    void aBuyerWhoTurnedNoticesOffIsNotWatched() {
        ConversationKey buyer = new ConversationKey("cli", "u" + UUID.randomUUID());
        String no = orderNo();
        sandbox.load(orders(SandboxFixtures.order(no, null, "game_item", "processing", 5)));

        TurnResult off = engine.handle(Turn.text(buyer, null, "关闭通知"));
        engine.handle(Turn.text(buyer, null, no));
        engine.handle(Turn.text(buyer, null, "5678"));
        sandbox.load(orders(SandboxFixtures.delivered(no, null, "game_item", "CODE-2", false, 30)));
        notifier.sweep();

        assertThat(text(off)).isEqualTo(texts.get("shop.notice.off", Lang.ZH, Map.of()));
        assertThat(messenger.drain(buyer)).isEmpty();
    }

    private static String text(TurnResult r) {
        return r.replies().stream().map(Reply::text).collect(Collectors.joining("\n"));
    }
}
