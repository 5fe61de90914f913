package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.shop.ShopAccount;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopProperties;
import kefu.shop.ShopUnavailableException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /bind CODE}: ties the chat user to their shop account with the one-time code from the personal center. */
final class Binding {

    private final ShopGateway shop;
    private final OrderWords words;
    private final ShopProperties.Chat chat;

    Binding(ShopGateway shop, OrderWords words, ShopProperties.Chat chat) {
        this.shop = shop;
        this.words = words;
        this.chat = chat;
    }

    Outcome askCode(TurnContext ctx) {
        return Outcome.of(AfterSalesForm.park(ctx.state()).startFlow(OrderAccess.FLOW).withSlot(OrderAccess.STEP, "bind_code")
                        .withSlot(OrderAccess.LANG, ctx.lang().name()),
                Intent.ORDER_STATUS, 1.0, Reply.of(ctx.say("shop.bind.ask")));
    }

    Outcome bind(TurnContext ctx, String code) {
        Optional<ShopAccount> account;
        List<ShopOrder> recent;
        try {
            account = shop.bind(OrderAccess.chatUser(ctx), code.strip());
            if (account.isEmpty()) {
                return Outcome.of(ctx.state(), Intent.ORDER_STATUS, 1.0, Reply.of(ctx.say("shop.bind.invalid"),
                        List.of(words.human(ctx))));
            }
            recent = shop.recentOrders(account.get().id(), chat.recentOrders());
        } catch (ShopUnavailableException e) {
            return Outcome.of(ctx.state(), Intent.ORDER_STATUS, 1.0, Reply.of(ctx.say("shop.unavailable"),
                    List.of(words.human(ctx))));
        }
        var state = ctx.state().withFact(ShopFacts.ACCOUNT, account.get().id());
        if (OrderAccess.FLOW.equals(state.flow())) {
            state = state.endFlow();
        }
        List<Button> buttons = new ArrayList<>();
        for (ShopOrder o : recent) {
            buttons.add(PickButtons.button(o.orderNo() + " " + o.product(), "status", o.orderNo()));
        }
        String key = recent.isEmpty() ? "shop.bind.done.empty" : "shop.bind.done";
        return Outcome.of(state, Intent.ORDER_STATUS, 1.0,
                Reply.of(ctx.say(key, Map.of("name", account.get().name())), buttons));
    }
}
