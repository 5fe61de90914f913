package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.ButtonHandler;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.shop.CancelResult;
import kefu.shop.RequestSigner;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopUnavailableException;

import java.util.Map;
import java.util.Optional;

/** The buyer's answer to the cancel warning: {@code cancel:yes:ORDER} cancels, {@code cancel:no:ORDER} keeps it. */
final class CancelButtons implements ButtonHandler {

    private static final String ACTION = "cancel";

    private final ShopGateway shop;
    private final OrderAccess access;
    private final CancelHandler cancel;

    CancelButtons(ShopGateway shop, OrderAccess access, CancelHandler cancel) {
        this.shop = shop;
        this.access = access;
        this.cancel = cancel;
    }

    /** Confirms cancelling {@code orderNo}. */
    static Button confirm(String label, String orderNo) {
        return Button.of(label, ACTION, "yes:" + orderNo);
    }

    /** Keeps {@code orderNo} as it is. */
    static Button keep(String label, String orderNo) {
        return Button.of(label, ACTION, "no:" + orderNo);
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Outcome press(TurnContext ctx, String argument) {
        int colon = argument.indexOf(':');
        String answer = colon < 0 ? argument : argument.substring(0, colon);
        String orderNo = colon < 0 ? "" : argument.substring(colon + 1);
        if (!"yes".equals(answer)) {
            return Outcome.of(ctx.state(), Intent.CANCEL_ORDER, 1.0, Reply.of(ctx.say("shop.cancel.kept",
                    Map.of("order", orderNo))));
        }
        try {
            Optional<ShopOrder> order = shop.order(orderNo);
            if (order.isEmpty() || !access.owns(ctx.state(), order.get())) {
                return Outcome.of(ctx.state(), Intent.CANCEL_ORDER, 1.0, Reply.of(ctx.say("button.stale")));
            }
            // Derived from buyer and order: pressing twice, or a retry, cancels once.
            String key = RequestSigner.sha256Hex("cancel\n" + OrderAccess.chatUser(ctx) + "\n" + orderNo);
            CancelResult r = shop.cancel(orderNo, OrderAccess.chatUser(ctx), key);
            if (!r.cancelled() && "requested".equals(r.reason())) {
                // A shop that cannot cancel by itself: the request went to staff.
                return Outcome.of(ctx.state(), Intent.CANCEL_ORDER, 1.0, Reply.of(ctx.say("shop.cancel.requested",
                        Map.of("order", orderNo))));
            }
            if (!r.cancelled()) {
                return cancel.refusal(ctx, order.get(), r.reason(), null);
            }
            return Outcome.of(ctx.state(), Intent.CANCEL_ORDER, 1.0, Reply.of(ctx.say("shop.cancel.done",
                    Map.of("order", orderNo))));
        } catch (ShopUnavailableException e) {
            return access.unavailable(ctx, cancel);
        }
    }
}
