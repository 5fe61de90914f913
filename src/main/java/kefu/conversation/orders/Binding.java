package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.ConversationState;
import kefu.shop.BindResult;
import kefu.shop.ShopAccount;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopProperties;
import kefu.shop.ShopUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /bind CODE}: ties the chat user to their shop account with the one-time code from the personal center. */
final class Binding {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final ShopGateway shop;
    private final OrderWords words;
    private final ShopProperties.Chat chat;

    Binding(ShopGateway shop, OrderWords words, ShopProperties.Chat chat) {
        this.shop = shop;
        this.words = words;
        this.chat = chat;
    }

    Outcome askCode(TurnContext ctx) {
        return Outcome.of(ctx.state().startFlow(OrderAccess.FLOW).withSlot(OrderAccess.STEP, "bind_code")
                        .withSlot(OrderAccess.LANG, ctx.lang().name()),
                Intent.ORDER_STATUS, 1.0, Reply.of(ctx.say("shop.bind.ask")));
    }

    Outcome bind(TurnContext ctx, String code) {
        Optional<Instant> lockedUntil = lockedUntil(ctx);
        if (lockedUntil.isPresent()) {
            return locked(ctx, ctx.state(), lockedUntil.get());
        }
        BindResult result;
        List<ShopOrder> recent;
        try {
            result = shop.bind(OrderAccess.chatUser(ctx), code.strip());
            if (result.result() == BindResult.Result.INVALID) {
                return Outcome.of(failed(ctx), Intent.ORDER_STATUS, 1.0, Reply.of(ctx.say("shop.bind.invalid"),
                        List.of(words.human(ctx))));
            }
            if (result.result() == BindResult.Result.TOO_MANY_ATTEMPTS) {
                return locked(ctx, ctx.state(), result.retryAfter() == null ? ctx.now().plus(WINDOW) : result.retryAfter());
            }
            recent = shop.recentOrders(result.account().id(), chat.recentOrders());
        } catch (ShopUnavailableException e) {
            return Outcome.of(ctx.state(), Intent.ORDER_STATUS, 1.0, Reply.of(ctx.say("shop.unavailable"),
                    List.of(words.human(ctx))));
        }
        ShopAccount account = result.account();
        var state = ctx.state().withFact(ShopFacts.ACCOUNT, account.id()).withFact(ShopFacts.BIND_FAILURES, null);
        if (OrderAccess.FLOW.equals(state.flow())) {
            state = state.endFlow();
        }
        List<Button> buttons = new ArrayList<>();
        for (ShopOrder o : recent) {
            buttons.add(PickButtons.button(o.orderNo() + " " + o.product(), "status", o.orderNo()));
        }
        String key = recent.isEmpty() ? "shop.bind.done.empty" : "shop.bind.done";
        return Outcome.of(state, Intent.ORDER_STATUS, 1.0,
                Reply.of(ctx.say(key, Map.of("name", account.name())), buttons));
    }

    /**
     * The bot's own count of wrong codes in this conversation ({@code <count>:<epoch second of the first>}),
     * so a shop that does not limit guesses is still protected.
     */
    private Optional<Instant> lockedUntil(TurnContext ctx) {
        Failures f = Failures.of(ctx.state().fact(ShopFacts.BIND_FAILURES), ctx.now());
        return f.count() >= chat.bindFailuresPerHour() ? Optional.of(f.since().plus(WINDOW)) : Optional.empty();
    }

    private ConversationState failed(TurnContext ctx) {
        Failures f = Failures.of(ctx.state().fact(ShopFacts.BIND_FAILURES), ctx.now());
        return ctx.state().withFact(ShopFacts.BIND_FAILURES, (f.count() + 1) + ":" + f.since().getEpochSecond());
    }

    private Outcome locked(TurnContext ctx, ConversationState state, Instant until) {
        ConversationState next = OrderAccess.FLOW.equals(state.flow()) ? state.endFlow() : state;
        return Outcome.of(next, Intent.ORDER_STATUS, 1.0,
                Reply.of(ctx.say("shop.bind.locked", Map.of("time", words.time(until))), List.of(words.human(ctx))));
    }

    /** Wrong codes within the current window; a window older than an hour starts again. */
    private record Failures(int count, Instant since) {

        static Failures of(String fact, Instant now) {
            if (fact != null) {
                String[] parts = fact.split(":", 2);
                try {
                    Instant since = Instant.ofEpochSecond(Long.parseLong(parts[1]));
                    if (since.plus(WINDOW).isAfter(now)) {
                        return new Failures(Integer.parseInt(parts[0]), since);
                    }
                } catch (RuntimeException e) {
                    // An unreadable count starts a new window.
                }
            }
            return new Failures(0, now);
        }
    }

    /** {@code /unbind}, "解绑": the chat forgets the shop account; orders proved one by one stay proved. */
    Outcome unbind(TurnContext ctx) {
        if (ctx.state().fact(ShopFacts.ACCOUNT) == null) {
            return Outcome.of(ctx.state(), Intent.ORDER_STATUS, 1.0, Reply.of(ctx.say("shop.unbind.none")));
        }
        return Outcome.of(ctx.state().withFact(ShopFacts.ACCOUNT, null), Intent.ORDER_STATUS, 1.0,
                Reply.of(ctx.say("shop.unbind.done")));
    }
}
