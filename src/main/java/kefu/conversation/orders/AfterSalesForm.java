package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.ButtonHandler;
import kefu.conversation.ConversationState;
import kefu.conversation.FlowHandler;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.events.ConversationEvent.TicketFiled;
import kefu.conversation.events.ConversationEvents;
import kefu.shop.RequestSigner;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopProperties;
import kefu.shop.ShopUnavailableException;
import kefu.shop.TicketRequest;
import kefu.shop.TicketResult;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The after-sales form: reason (buttons) → description → at least one screenshot → confirm. Everything lives
 * in the conversation's slots, so leaving, coming back or a restart keeps it; screenshots are uploaded to the
 * shop as they arrive. Submitting uses an Idempotency-Key derived from the form, so a retry never files twice.
 */
final class AfterSalesForm implements FlowHandler, ButtonHandler {

    static final String FLOW = "after_sales";
    static final List<String> REASONS = List.of("not_received", "not_as_described", "not_working", "other");

    private static final String ORDER = "order";
    private static final String FORM = "form";
    private static final String STEP = "step";
    private static final String REASON = "reason";
    private static final String DESCRIPTION = "description";
    private static final String EVIDENCE = "evidence";
    private static final int MAX_DESCRIPTION = 1000;
    private static final Set<String> CONTINUE_WORDS = Set.of("继续", "继续填写", "继续申请", "繼續", "continue");
    /** Where a form waits while the buyer runs another order flow (one flow at a time per conversation). */
    static final String PARKED = "shop.form";
    private static final String ACTION = "as";

    private final ShopGateway shop;
    private final OrderWords words;
    private final ShopProperties.Chat chat;
    private final ConversationEvents events;

    AfterSalesForm(ShopGateway shop, OrderWords words, ShopProperties.Chat chat, ConversationEvents events) {
        this.events = events;
        this.shop = shop;
        this.words = words;
        this.chat = chat;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public String action() {
        return ACTION;
    }

    /** A button of this form ({@code as:submit}, {@code as:reason:<code>}...). */
    private static Button button(String label, String argument) {
        return Button.of(label, ACTION, argument);
    }

    Outcome start(TurnContext ctx, ShopOrder order) {
        ConversationState s = ctx.state().startFlow(FLOW).withSlot(ORDER, order.orderNo())
                .withSlot(FORM, UUID.randomUUID().toString()).withSlot(STEP, REASON);
        return askReason(ctx.withState(s), words.vars(ctx, order));
    }

    @Override
    public Optional<Outcome> resume(TurnContext ctx) {
        String step = ctx.state().slot(STEP);
        var turn = ctx.turn();
        if (turn.attachment() != null) {
            if (EVIDENCE.equals(step) || "confirm".equals(step)) {
                return Optional.of(screenshot(ctx));
            }
            return Optional.of(say(ctx, ctx.state(), "shop.as.photo_too_early"));
        }
        if (CONTINUE_WORDS.contains(turn.trimmedText().toLowerCase(Locale.ROOT))) {
            return Optional.of(remind(ctx));
        }
        if (DESCRIPTION.equals(step)) {
            return Optional.of(describe(ctx, turn.trimmedText()));
        }
        // Anything else typed is a question of its own; the form waits, and "申请售后" brings it back.
        return Optional.empty();
    }

    boolean inProgressFor(ConversationState s, String orderNo) {
        return FLOW.equals(s.flow()) && orderNo.equals(s.slot(ORDER));
    }

    /** Shows where the form in progress stands and asks for what is missing. */
    Outcome remind(TurnContext ctx) {
        ConversationState s = ctx.state();
        Reply intro = Reply.of(ctx.say("shop.as.resumed", Map.of("order", s.slot(ORDER))));
        Outcome next = switch (String.valueOf(s.slot(STEP))) {
            case REASON -> askReason(ctx, Map.of("order", s.slot(ORDER)));
            case DESCRIPTION -> say(ctx, s, "shop.as.ask_description");
            case EVIDENCE -> say(ctx, s, "shop.as.ask_photo");
            default -> review(ctx, s, "shop.as.review");
        };
        List<Reply> replies = new ArrayList<>();
        replies.add(intro);
        replies.addAll(next.replies());
        return new Outcome(replies, next.state(), Intent.AFTER_SALES, 1.0, List.of(), false);
    }

    @Override
    public Optional<Reply> stillWaiting(TurnContext ctx) {
        return Optional.of(Reply.of(ctx.say("shop.as.waiting", Map.of("order", ctx.state().slot(ORDER))), List.of(
                button(ctx.label("shop.button.resume"), "resume"),
                button(ctx.label("shop.button.quit"), "quit"))));
    }

    /** Handed to a person mid-form: the form is parked, and "申请售后" later brings it back. */
    @Override
    public ConversationState setAside(ConversationState state) {
        return park(state).endFlow();
    }

    /** The state with a form in progress parked in the facts, ready for another flow to start. */
    static ConversationState park(ConversationState s) {
        if (!FLOW.equals(s.flow())) {
            return s;
        }
        StringBuilder packed = new StringBuilder();
        s.slots().forEach((k, v) -> packed.append(packed.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.withFact(PARKED, packed.toString());
    }

    /** Brings back a parked form (for {@code orderNo}, or any when null) as the flow in progress. */
    Optional<Outcome> unpark(TurnContext ctx, String orderNo) {
        String packed = ctx.state().fact(PARKED);
        if (packed == null || packed.isEmpty()) {
            return Optional.empty();
        }
        ConversationState s = ctx.state().startFlow(FLOW).withFact(PARKED, null);
        for (String pair : packed.split("&")) {
            int eq = pair.indexOf('=');
            s = s.withSlot(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (orderNo != null && !orderNo.equals(s.slot(ORDER))) {
            return Optional.empty();
        }
        return Optional.of(remind(ctx.withState(s)));
    }

    @Override
    public Outcome press(TurnContext ctx, String argument) {
        if (!FLOW.equals(ctx.state().flow())) {
            return Outcome.of(ctx.state(), Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("button.stale")));
        }
        if (argument.startsWith("reason:")) {
            String reason = argument.substring("reason:".length());
            if (!REASONS.contains(reason)) {
                return Outcome.of(ctx.state(), Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("button.stale")));
            }
            ConversationState s = ctx.state().withSlot(REASON, reason).withSlot(STEP, DESCRIPTION);
            return say(ctx, s, "shop.as.ask_description");
        }
        if ("resume".equals(argument)) {
            return remind(ctx);
        }
        if ("submit".equals(argument)) {
            return submit(ctx);
        }
        if ("quit".equals(argument)) {
            return Outcome.of(ctx.state().endFlow(), Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("flow.left")));
        }
        return Outcome.of(ctx.state(), Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("button.stale")));
    }

    private Outcome askReason(TurnContext ctx, Map<String, Object> vars) {
        List<Button> buttons = new ArrayList<>();
        for (String r : REASONS) {
            buttons.add(button(ctx.label("shop.as.reason." + r), "reason:" + r));
        }
        return Outcome.of(ctx.state(), Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("shop.as.ask_reason", vars), buttons));
    }

    private Outcome describe(TurnContext ctx, String text) {
        if (text.length() < 2) {
            return say(ctx, ctx.state(), "shop.as.ask_description");
        }
        String kept = text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) : text;
        ConversationState s = ctx.state().withSlot(DESCRIPTION, kept).withSlot(STEP, EVIDENCE);
        return say(ctx, s, "shop.as.ask_photo");
    }

    private Outcome screenshot(TurnContext ctx) {
        var file = ctx.turn().attachment();
        Map<String, Object> vars = Map.of("max", chat.maxScreenshotBytes() / 1024 / 1024 + " MB",
                "count", chat.maxScreenshots());
        if (file.mimeType() == null || !file.mimeType().startsWith("image/")) {
            return say(ctx, ctx.state(), "shop.as.photo_not_image", vars);
        }
        if (file.sizeBytes() > chat.maxScreenshotBytes()) {
            return say(ctx, ctx.state(), "shop.as.photo_too_large", vars);
        }
        List<String> ids = evidence(ctx.state());
        if (ids.size() >= chat.maxScreenshots()) {
            return review(ctx, ctx.state(), "shop.as.photo_enough");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(file.localPath()));
        } catch (IOException e) {
            return say(ctx, ctx.state(), "shop.as.photo_unreadable", vars);
        }
        if (content.length > chat.maxScreenshotBytes()) {
            return say(ctx, ctx.state(), "shop.as.photo_too_large", vars);
        }
        String id;
        try {
            id = shop.upload(OrderAccess.chatUser(ctx), file.fileName(), file.mimeType(), content);
        } catch (ShopUnavailableException e) {
            return say(ctx, ctx.state(), "shop.as.upload_failed");
        }
        List<String> next = new ArrayList<>(ids);
        if (!next.contains(id)) {
            next.add(id);
        }
        ConversationState s = ctx.state().withSlot(EVIDENCE, String.join(",", next)).withSlot(STEP, "confirm");
        return review(ctx, s, "shop.as.review");
    }

    private Outcome review(TurnContext ctx, ConversationState s, String key) {
        Map<String, Object> vars = Map.of("order", s.slot(ORDER),
                "reason", ctx.say("shop.as.reason." + s.slot(REASON)),
                "description", s.slot(DESCRIPTION) == null ? "" : s.slot(DESCRIPTION),
                "photos", evidence(s).size());
        return Outcome.of(s, Intent.AFTER_SALES, 1.0, Reply.of(ctx.say(key, vars), List.of(
                button(ctx.label("shop.button.submit"), "submit"),
                button(ctx.label("shop.button.quit"), "quit"))));
    }

    private Outcome submit(TurnContext ctx) {
        ConversationState s = ctx.state();
        if (evidence(s).isEmpty() || s.slot(DESCRIPTION) == null || s.slot(REASON) == null) {
            return say(ctx, s, "shop.as.ask_photo");
        }
        String chatUser = OrderAccess.chatUser(ctx);
        // The same form always carries the same key: a retry after a timeout returns the first ticket.
        String key = RequestSigner.sha256Hex("ticket\n" + chatUser + "\n" + s.slot(FORM));
        TicketResult r;
        try {
            r = shop.file(new TicketRequest(s.slot(ORDER), chatUser, s.slot(REASON), s.slot(DESCRIPTION), evidence(s)), key);
        } catch (ShopUnavailableException e) {
            return Outcome.of(s, Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("shop.as.submit_failed"), List.of(
                    button(ctx.label("shop.button.submit"), "submit"), words.human(ctx))));
        }
        ConversationState done = s.endFlow();
        if (!r.filed() && "not_eligible".equals(r.refusal())) {
            return Outcome.of(done, Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("shop.as.refused." + r.rule(),
                    Map.of("order", s.slot(ORDER), "category", "", "expired", "-", "status", "")),
                    List.of(words.human(ctx))));
        }
        var t = r.ticket();
        done = ShopFacts.add(done, ShopFacts.TICKETS, t.ticketNo());
        if (r.filed()) {
            events.publish(new TicketFiled(ctx.turn().key(), ctx.now(), t.ticketNo()));
        }
        String textKey = r.filed() ? "shop.as.filed" : "shop.as.open_exists";
        return Outcome.of(done, Intent.AFTER_SALES, 1.0, Reply.of(ctx.say(textKey, Map.of("ticket", t.ticketNo(),
                "order", t.orderNo(), "min", t.slaHoursMin(), "max", t.slaHoursMax()))));
    }

    private Outcome say(TurnContext ctx, ConversationState s, String key) {
        return say(ctx, s, key, Map.of());
    }

    private Outcome say(TurnContext ctx, ConversationState s, String key, Map<String, ?> vars) {
        return Outcome.of(s, Intent.AFTER_SALES, 1.0, Reply.of(ctx.say(key, vars)));
    }

    private static List<String> evidence(ConversationState s) {
        String v = s.slot(EVIDENCE);
        return v == null || v.isBlank() ? List.of() : Arrays.asList(v.split(","));
    }
}
