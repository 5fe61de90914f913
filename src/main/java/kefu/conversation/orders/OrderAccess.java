package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.Classification;
import kefu.conversation.ConversationState;
import kefu.conversation.DialogueContext;
import kefu.conversation.OrderNumbers;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopProperties;
import kefu.shop.ShopUnavailableException;
import kefu.shop.Verification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gets an order action to the order: finds the order number (entity, text, or by asking), and makes sure the
 * buyer owns the order — bound to its account, or proved with contact digits, email or query password —
 * before the action sees anything about it.
 */
final class OrderAccess {

    static final String FLOW = "orders";
    static final String STEP = "step";
    static final String ACTION = "action";
    static final String ORDER = "order";
    /** The language the buyer used before the flow: an email, password or code typed as an answer says nothing about it. */
    static final String LANG = "lang";
    /** Further orders named with the one being proved, tried with the same proof. */
    static final String MORE = "more";
    /** The recogniser's entity: the product category a bound buyer asked about. */
    private static final String CATEGORY = "category";

    private final ShopGateway shop;
    private final OrderNumbers entities;
    private final OrderWords words;
    private final ShopProperties.Chat chat;

    OrderAccess(ShopGateway shop, OrderNumbers entities, OrderWords words, ShopProperties.Chat chat) {
        this.shop = shop;
        this.entities = entities;
        this.words = words;
        this.chat = chat;
    }

    /**
     * Starts {@code action} for the order the buyer named (with a proof typed in the same message, it is checked
     * at once), or asks which order they mean. Several numbers: a look-up shows each, another action asks which.
     */
    Outcome start(TurnContext ctx, Classification c, OrderAction action) {
        List<String> all = orderNumbers(ctx, c);
        String proof = c == null ? null : c.entity(OrderNumbers.PROOF);
        if (all.size() > 1 && !"status".equals(action.name())) {
            return pickAmong(ctx, action, all);
        }
        if (!all.isEmpty()) {
            return proceed(ctx, action, all.get(0), proof, all.subList(1, all.size()));
        }
        String category = c == null ? null : c.entity(CATEGORY);
        if (category != null && ctx.state().fact(ShopFacts.ACCOUNT) != null) {
            Optional<Outcome> mine = ofCategory(ctx, action, category);
            if (mine.isPresent()) {
                return mine.get();
            }
        }
        String foreign = c == null ? null : c.entity(OrderNumbers.FOREIGN);
        // No number named: a follow-up about the order the conversation is about ("帮我催一下", "取消这个订单").
        Optional<String> focused = foreign == null && !"button".equals(c == null ? null : c.entity("via"))
                ? inFocus(ctx) : Optional.empty();
        if (focused.isPresent()) {
            return proceed(ctx, action, focused.get());
        }
        if (foreign != null) {
            Outcome ask = askForOrder(ctx, action);
            return Outcome.of(ask.state(), action.intent(), 1.0, Reply.of(
                    ctx.say("shop.order_foreign", Map.of("number", foreign)), ask.replies().get(0).buttons()));
        }
        return askForOrder(ctx, action);
    }

    /**
     * A bound buyer asking about "my top-up": their recent orders of that category. One is acted on at once;
     * several are each shown for a look-up, or offered to pick from for another action.
     */
    private Optional<Outcome> ofCategory(TurnContext ctx, OrderAction action, String category) {
        List<ShopOrder> matching;
        try {
            matching = shop.recentOrders(ctx.state().fact(ShopFacts.ACCOUNT), chat.recentOrders()).stream()
                    .filter(o -> category.equals(o.category())).toList();
        } catch (ShopUnavailableException e) {
            return Optional.of(unavailable(ctx, action));
        }
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        if (matching.size() > 1 && !"status".equals(action.name())) {
            return Optional.of(pickAmong(ctx, action, matching.stream().map(ShopOrder::orderNo).toList()));
        }
        Outcome out = null;
        for (ShopOrder o : matching) {
            Outcome one = run(out == null ? ctx : ctx.withState(out.state()), action, o);
            if (out == null) {
                out = one;
            } else {
                for (Reply r : one.replies()) {
                    out = out.plus(r);
                }
                out = out.withState(one.state());
            }
        }
        return Optional.of(out);
    }

    private List<String> orderNumbers(TurnContext ctx, Classification c) {
        String listed = c == null ? null : c.entity(OrderNumbers.ALL);
        if (listed != null && !listed.isBlank()) {
            return List.of(listed.split(","));
        }
        return orderNumber(ctx, c).map(List::of).orElseGet(() -> entities.orderNumbers(ctx.turn().trimmedText()));
    }

    private Outcome pickAmong(TurnContext ctx, OrderAction action, List<String> orderNos) {
        ConversationState s = ctx.state().startFlow(FLOW).withSlot(STEP, "order")
                .withSlot(ACTION, action.name()).withSlot(LANG, ctx.lang().name());
        List<Button> buttons = new ArrayList<>();
        for (String orderNo : orderNos) {
            buttons.add(Button.of(orderNo, "pick", action.name() + ":" + orderNo));
        }
        return Outcome.of(s, action.intent(), 1.0, Reply.of(ctx.say("shop.ask_order.which"), buttons));
    }

    Optional<String> orderNumber(TurnContext ctx, Classification c) {
        String entity = c == null ? null : c.entity(OrderNumbers.ENTITY);
        if (entity != null && !entity.isBlank()) {
            return Optional.of(entity.toUpperCase(java.util.Locale.ROOT));
        }
        return entities.orderNumber(ctx.turn().trimmedText());
    }

    /** Asks for the order number, offering a bound buyer their recent orders as buttons. */
    Outcome askForOrder(TurnContext ctx, OrderAction action) {
        ConversationState s = ctx.state().startFlow(FLOW).withSlot(STEP, "order").withSlot(ACTION, action.name())
                .withSlot(LANG, ctx.lang().name());
        String account = ctx.state().fact(ShopFacts.ACCOUNT);
        if (account != null) {
            try {
                List<ShopOrder> recent = shop.recentOrders(account, chat.recentOrders());
                if (!recent.isEmpty()) {
                    List<Button> buttons = new ArrayList<>();
                    for (ShopOrder o : recent) {
                        buttons.add(PickButtons.button(o.orderNo() + " " + o.product(), action.name(), o.orderNo()));
                    }
                    return Outcome.of(s, action.intent(), 1.0, Reply.of(ctx.say("shop.ask_order.bound"), buttons));
                }
            } catch (ShopUnavailableException e) {
                return unavailable(ctx, action);
            }
        }
        // Orders proved earlier in this conversation are offered too: "催单" right after a look-up means that order.
        List<String> proved = new ArrayList<>(ShopFacts.list(ctx.state(), ShopFacts.VERIFIED));
        Collections.reverse(proved);
        List<Button> buttons = new ArrayList<>();
        for (String orderNo : proved.subList(0, Math.min(proved.size(), chat.recentOrders()))) {
            buttons.add(PickButtons.button(orderNo, action.name(), orderNo));
        }
        if (account == null) {
            buttons.add(BindButtons.start(ctx.label("shop.button.bind")));
        }
        String own = "shop.ask_order." + action.name();
        String text = !proved.isEmpty() ? "shop.ask_order.bound" : ctx.texts().has(own) ? own : "shop.ask_order";
        return Outcome.of(s, action.intent(), 1.0, Reply.of(ctx.say(text), buttons));
    }

    /** Runs {@code action} on {@code orderNo} if the buyer owns it; otherwise asks for a proof first. */
    Outcome proceed(TurnContext ctx, OrderAction action, String orderNo) {
        return proceed(ctx, action, orderNo, null, List.of());
    }

    /**
     * As {@link #proceed(TurnContext, OrderAction, String)}; a proof the buyer already typed is checked instead
     * of asked for, and the further orders named in the same message are looked up with the same proof.
     */
    Outcome proceed(TurnContext ctx, OrderAction action, String orderNo, String proof, List<String> more) {
        Outcome first = proceedOne(ctx, action, orderNo, proof);
        if (more.isEmpty()) {
            return first;
        }
        ConversationState s = first.state();
        if (s != null && FLOW.equals(s.flow()) && "proof".equals(s.slot(STEP))) {
            // The proof asked for the first order is tried on the others too.
            return first.withState(s.withSlot(MORE, String.join(",", more)));
        }
        Outcome out = first;
        for (String next : more) {
            Outcome o = proceedOne(ctx.withState(out.state()), action, next, proof);
            if (o.state() != null && FLOW.equals(o.state().flow())) {
                // Not provable with what was typed: say which order needs its own proof, without asking now.
                out = out.plus(Reply.of(ctx.say("shop.more_needs_proof", Map.of("order", next))));
                continue;
            }
            for (Reply r : o.replies()) {
                out = out.plus(r);
            }
            out = out.withState(o.state());
        }
        return out;
    }

    private Outcome proceedOne(TurnContext ctx, OrderAction action, String orderNo, String proof) {
        ConversationState s = ShopFacts.add(ctx.state(), ShopFacts.MENTIONED, orderNo);
        TurnContext c = ctx.withState(s.inFlow() && FLOW.equals(s.flow()) ? s.endFlow() : s);
        boolean verified = ShopFacts.contains(s, ShopFacts.VERIFIED, orderNo);
        String account = s.fact(ShopFacts.ACCOUNT);
        if (verified || account != null) {
            Optional<ShopOrder> order;
            try {
                order = shop.order(orderNo);
            } catch (ShopUnavailableException e) {
                return unavailable(c, action);
            }
            if (order.isPresent() && (verified || account.equals(order.get().account()))) {
                return run(c, action, order.get());
            }
        }
        if (proof != null && !proof.isBlank()) {
            return prove(c, action, orderNo, proof, List.of());
        }
        ConversationState asking = c.state().startFlow(FLOW).withSlot(STEP, "proof").withSlot(ACTION, action.name())
                .withSlot(ORDER, orderNo).withSlot(LANG, ctx.lang().name());
        return askForProof(ctx.withState(asking), action, orderNo);
    }

    /** Asks for the proof of ownership of {@code orderNo}; the state already waits for it. */
    Outcome askForProof(TurnContext ctx, OrderAction action, String orderNo) {
        return Outcome.of(ctx.state(), action.intent(), 1.0,
                Reply.of(ctx.say(variant(ctx, shop, "shop.ask_proof"), Map.of("order", orderNo))));
    }

    /**
     * Checks {@code proof} for {@code orderNo} with the shop and runs the action when it holds; the orders in
     * {@code more} (named with it) are tried with the same proof and shown too.
     */
    Outcome prove(TurnContext ctx, OrderAction action, String orderNo, String proof, List<String> more) {
        Verification v;
        try {
            v = shop.verify(chatUser(ctx), orderNo, proof);
        } catch (ShopUnavailableException e) {
            return unavailable(ctx, action);
        }
        return switch (v.result()) {
            case VERIFIED -> {
                ConversationState state = ShopFacts.add(ctx.state().inFlow() && FLOW.equals(ctx.state().flow())
                        ? ctx.state().endFlow() : ctx.state(), ShopFacts.VERIFIED, v.order().orderNo());
                Outcome out = run(ctx.withState(state), action, v.order());
                for (String next : more) {
                    Outcome o = prove(ctx.withState(out.state()), action, next, proof, List.of());
                    if (o.state() != null && ShopFacts.contains(o.state(), ShopFacts.VERIFIED, next)) {
                        for (Reply r : o.replies()) {
                            out = out.plus(r);
                        }
                        out = out.withState(o.state());
                    } else {
                        out = out.plus(Reply.of(ctx.say("shop.more_needs_proof", Map.of("order", next))));
                    }
                }
                yield out;
            }
            case NOT_FOUND -> Outcome.of(ctx.state(), action.intent(), 1.0,
                    Reply.of(ctx.say("shop.proof.not_found", Map.of("order", orderNo)), List.of(words.human(ctx))));
            case TOO_MANY_ATTEMPTS -> Outcome.of(ctx.state().inFlow() ? ctx.state().endFlow() : ctx.state(),
                    action.intent(), 1.0, Reply.of(ctx.say("shop.proof.locked", Map.of("time", words.time(v.retryAfter()))),
                            List.of(words.human(ctx))));
        };
    }

    /**
     * Runs the action and puts the order in focus, so that "催一下", "取消这个订单" or "那我等多久" next refer to it.
     * An action that set the focus itself this turn (an urge, with the time staff promised) keeps its own.
     */
    Outcome run(TurnContext ctx, OrderAction action, ShopOrder order) {
        Outcome out = action.run(ctx, order);
        ConversationState s = out.state();
        if (s == null) {
            return out;
        }
        DialogueContext.Focus set = s.dialogue().focus();
        if (set != null && set.orderNo().equals(order.orderNo()) && ctx.now().equals(set.at())) {
            return out;
        }
        DialogueContext.Why why = switch (action.name()) {
            case "urge" -> DialogueContext.Why.URGED;
            case "cancel" -> DialogueContext.Why.CANCEL_ASKED;
            case "after_sales" -> DialogueContext.Why.AFTER_SALES;
            default -> DialogueContext.Why.SHOWN;
        };
        return out.withState(focus(s, order, why, ctx.now(), null));
    }

    static ConversationState focus(ConversationState s, ShopOrder order, DialogueContext.Why why, java.time.Instant now,
                                   java.time.Instant until) {
        return s.withDialogue(s.dialogue().withFocus(new DialogueContext.Focus(order.orderNo(), why,
                order.status().wireName(), now, until)));
    }

    /**
     * The order the conversation is about, when the buyer may act on it without proving again: the one in focus
     * (recently shown, proved or acted on), owned through a proof or the bound account.
     */
    Optional<String> inFocus(TurnContext ctx) {
        return ctx.state().dialogue().focusAt(ctx.now()).map(DialogueContext.Focus::orderNo)
                .filter(no -> ShopFacts.contains(ctx.state(), ShopFacts.VERIFIED, no)
                        || ctx.state().fact(ShopFacts.ACCOUNT) != null);
    }

    /** True when the buyer proved or is bound to the order's account. */
    boolean owns(ConversationState state, ShopOrder order) {
        return ShopFacts.contains(state, ShopFacts.VERIFIED, order.orderNo())
                || (state.fact(ShopFacts.ACCOUNT) != null && state.fact(ShopFacts.ACCOUNT).equals(order.account()));
    }

    Outcome unavailable(TurnContext ctx, OrderAction action) {
        return Outcome.of(ctx.state(), action.intent(), 1.0, Reply.of(ctx.say("shop.unavailable"), List.of(words.human(ctx))));
    }

    /** The shop system's own wording of {@code key} ({@code key.dujiaoka}...) when the reply files have one. */
    static String variant(TurnContext ctx, ShopGateway shop, String key) {
        String v = shop.replyVariant();
        return v == null || v.isEmpty() || !ctx.texts().has(key + "." + v) ? key : key + "." + v;
    }

    static String chatUser(TurnContext ctx) {
        return ctx.turn().key().asString();
    }
}
