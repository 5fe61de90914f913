package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.ButtonHandler;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Order buttons ({@code pick:ACTION:ORDER}): run an action on the chosen order, ownership checked as for typed numbers. */
final class PickButtons implements ButtonHandler {

    private static final String ACTION = "pick";

    private final OrderAccess access;
    private final Map<String, OrderAction> actions;

    PickButtons(OrderAccess access, List<OrderAction> actions) {
        this.access = access;
        this.actions = actions.stream().collect(Collectors.toMap(OrderAction::name, Function.identity()));
    }

    /** A button that runs {@code action} (an {@link OrderAction#name()}) on the order {@code orderNo}. */
    static Button button(String label, String action, String orderNo) {
        return Button.of(label, ACTION, action + ":" + orderNo);
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Outcome press(TurnContext ctx, String argument) {
        int colon = argument.indexOf(':');
        OrderAction action = colon < 0 ? null : actions.get(argument.substring(0, colon));
        if (action == null) {
            return Outcome.of(ctx.state(), Intent.FALLBACK, 1.0, Reply.of(ctx.say("button.stale")));
        }
        return access.proceed(ctx, action, argument.substring(colon + 1));
    }
}
