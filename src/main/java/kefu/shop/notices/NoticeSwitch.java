package kefu.shop.notices;

import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.TurnInterceptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Lets a buyer turn delivery notices off and on again: {@code /notify off} / {@code /notify on}, or the words
 * in {@code kefu.shop.notices} replies. Runs after every other interceptor, so staff ownership and limits come first.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public final class NoticeSwitch implements TurnInterceptor {

    private static final Set<String> OFF = Set.of("/notify off", "关闭通知", "不要通知", "关闭发货通知", "notifications off");
    private static final Set<String> ON = Set.of("/notify on", "开启通知", "打开通知", "开启发货通知", "notifications on");

    private final DeliveryWatches watches;

    public NoticeSwitch(DeliveryWatches watches) {
        this.watches = watches;
    }

    @Override
    public Optional<Outcome> intercept(TurnContext ctx) {
        String text = ctx.turn().trimmedText();
        if (text == null || text.isEmpty() || text.length() > 24) {
            return Optional.empty();
        }
        String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean off = OFF.contains(t);
        if (!off && !ON.contains(t)) {
            return Optional.empty();
        }
        String chatUser = ctx.turn().key().asString();
        watches.setOff(chatUser, off);
        return Optional.of(Outcome.of(ctx.state(), Intent.ORDER_STATUS, 1.0,
                Reply.of(ctx.say(off ? "shop.notice.off" : "shop.notice.on"))));
    }
}
