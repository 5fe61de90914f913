package kefu.shop.notices;

import kefu.conversation.Intent;
import kefu.conversation.Keywords;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.TurnInterceptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.Locale;
import java.util.Optional;

/**
 * Lets a buyer turn delivery notices off and on again: {@code /notify off} / {@code /notify on}, or the words
 * in {@code kefu.shop.notices} replies. Runs after every other interceptor, so staff ownership and limits come first.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public final class NoticeSwitch implements TurnInterceptor {

    private static final String COMMAND_OFF = "/notify off";
    private static final String COMMAND_ON = "/notify on";

    private final DeliveryWatches watches;
    private final Keywords keywords;

    public NoticeSwitch(DeliveryWatches watches, Keywords keywords) {
        this.watches = watches;
        this.keywords = keywords;
    }

    @Override
    public Optional<Outcome> intercept(TurnContext ctx) {
        String text = ctx.turn().trimmedText();
        if (text == null || text.isEmpty() || text.length() > 24) {
            return Optional.empty();
        }
        String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean off = COMMAND_OFF.equals(t) || Keywords.in(keywords.noticesOff(), t);
        if (!off && !COMMAND_ON.equals(t) && !Keywords.in(keywords.noticesOn(), t)) {
            return Optional.empty();
        }
        String chatUser = ctx.turn().key().asString();
        watches.setOff(chatUser, off);
        return Optional.of(Outcome.of(ctx.state(), Intent.ORDER_STATUS, 1.0,
                Reply.of(ctx.say(off ? "shop.notice.off" : "shop.notice.on"))));
    }
}
