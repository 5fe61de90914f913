package kefu.conversation.orders;

import kefu.conversation.AfterSalesDraft;
import kefu.conversation.AfterSalesDraft.Step;
import kefu.conversation.Button;
import kefu.conversation.ButtonHandler;
import kefu.conversation.Classification;
import kefu.conversation.ConversationState;
import kefu.conversation.FlowHandler;
import kefu.conversation.Intent;
import kefu.conversation.Keywords;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.events.ConversationEvent.TicketFiled;
import kefu.conversation.events.ConversationEvents;
import kefu.conversation.IntentClassifier;
import kefu.shop.RequestSigner;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopProperties;
import kefu.shop.ShopUnavailableException;
import kefu.shop.TicketRequest;
import kefu.shop.TicketResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The after-sales form: reason (buttons) → description → at least one screenshot → confirm. What is filled in
 * lives in the conversation's {@link AfterSalesDraft}, so asking something else, another order flow, a person or a
 * restart keeps it; screenshots are uploaded to the shop as they arrive. Submitting uses an Idempotency-Key
 * derived from the form, so a retry never files twice.
 */
final class AfterSalesForm implements FlowHandler, ButtonHandler {

    static final String FLOW = "after_sales";
    static final String NOT_RECEIVED = "not_received";
    static final List<String> REASONS = List.of(NOT_RECEIVED, "not_as_described", "not_working", "other");

    private static final int MAX_DESCRIPTION = 1000;
    /** The recogniser's entities a step reads (see the nlu's form cues). */
    private static final String QUESTION = "question";
    private static final String AS_REASON = "as_reason";
    private static final String CONFIRM = "confirm";
    private static final String ACTION = "as";

    private final ShopGateway shop;
    private final OrderWords words;
    private final ShopProperties.Chat chat;
    private final ConversationEvents events;
    private final IntentClassifier classifier;
    private final Keywords keywords;

    AfterSalesForm(ShopGateway shop, OrderWords words, ShopProperties.Chat chat, ConversationEvents events,
                   IntentClassifier classifier, Keywords keywords) {
        this.keywords = keywords;
        this.classifier = classifier;
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

    /** A form whose reason and description the buyer already gave in words: it asks for the screenshot next. */
    Outcome startWith(TurnContext ctx, ShopOrder order, String reason, String description) {
        AfterSalesDraft draft = AfterSalesDraft.start(UUID.randomUUID().toString(), order.orderNo())
                .withReason(reason).withDescription(clip(description));
        return afterDescription(ctx, ctx.state().startFlow(FLOW), draft);
    }

    Outcome start(TurnContext ctx, ShopOrder order) {
        ConversationState s = ctx.state().startFlow(FLOW)
                .withAfterSales(AfterSalesDraft.start(UUID.randomUUID().toString(), order.orderNo()));
        return askReason(ctx.withState(s), words.vars(ctx, order));
    }

    @Override
    public Optional<Outcome> resume(TurnContext ctx) {
        AfterSalesDraft draft = ctx.state().afterSales();
        if (draft == null) {
            // The flow without its draft (a conversation saved by an older version): the buyer starts again.
            return Optional.of(Outcome.of(leave(ctx.state()), Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("flow.left"))));
        }
        Step step = draft.step();
        var turn = ctx.turn();
        if (turn.attachment() != null) {
            if (step == Step.EVIDENCE || step == Step.CONFIRM) {
                return Optional.of(screenshot(ctx));
            }
            return Optional.of(keepForLater(ctx));
        }
        String text = turn.trimmedText();
        if (Keywords.in(keywords.continueForm(), text)) {
            return Optional.of(remind(ctx));
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Classification c = classifier.classify(ctx);
        // A question asked during a step is answered and never stored as the step's value; the form waits.
        if (c.entity(QUESTION) != null && c.entity(CONFIRM) == null || c.intent() == Intent.HUMAN_HANDOFF) {
            return Optional.empty();
        }
        if (step == Step.REASON && c.entity(AS_REASON) != null) {
            // "激活时一直提示密钥无效": the reason, and in the buyer's words the description too.
            return Optional.of(afterDescription(ctx, ctx.state(),
                    draft.withReason(c.entity(AS_REASON)).withDescription(clip(text))));
        }
        if (step == Step.DESCRIPTION) {
            return Optional.of(describe(ctx, text));
        }
        if ((step == Step.CONFIRM || step == Step.EVIDENCE) && c.entity(CONFIRM) != null) {
            return Optional.of(submit(ctx));
        }
        // Anything else typed is a question of its own; the form waits, and "申请售后" brings it back.
        return Optional.empty();
    }

    /** A screenshot before the evidence step: stored with the shop now and used when the form gets there. */
    private Outcome keepForLater(TurnContext ctx) {
        Optional<String> id = upload(ctx);
        if (id.isEmpty()) {
            return say(ctx, ctx.state(), "shop.as.photo_too_early");
        }
        ConversationState s = ctx.state().withDialogue(ctx.state().dialogue().withEvidence(id.get()));
        boolean atReason = s.afterSales().step() == Step.REASON;
        Outcome out = say(ctx, s, atReason ? "shop.as.photo_kept.reason" : "shop.as.photo_kept.description");
        return atReason ? new Outcome(List.of(Reply.of(out.replies().get(0).text(),
                askReason(ctx, Map.of("order", s.afterSales().orderNo())).replies().get(0).buttons())), s,
                Intent.AFTER_SALES, 1.0, List.of(), false) : out;
    }

    /**
     * Stores a screenshot with the shop and returns its id; empty when it is not an acceptable image or the shop
     * cannot be reached (the caller then asks for it again later).
     */
    Optional<String> upload(TurnContext ctx) {
        var file = ctx.turn().attachment();
        if (file == null || file.mimeType() == null || !file.mimeType().startsWith("image/")
                || file.sizeBytes() > chat.maxScreenshotBytes()) {
            return Optional.empty();
        }
        try {
            byte[] content = Files.readAllBytes(Path.of(file.localPath()));
            if (content.length > chat.maxScreenshotBytes()) {
                return Optional.empty();
            }
            return Optional.of(shop.upload(OrderAccess.chatUser(ctx), file.fileName(), file.mimeType(), content));
        } catch (IOException | ShopUnavailableException e) {
            return Optional.empty();
        }
    }

    boolean inProgressFor(ConversationState s, String orderNo) {
        return FLOW.equals(s.flow()) && s.afterSales() != null && orderNo.equals(s.afterSales().orderNo());
    }

    /** Shows where the form in progress stands and asks for what is missing. */
    Outcome remind(TurnContext ctx) {
        ConversationState s = ctx.state();
        AfterSalesDraft draft = s.afterSales();
        if (draft == null) {
            return Outcome.of(leave(s), Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("flow.left")));
        }
        Reply intro = Reply.of(ctx.say("shop.as.resumed", Map.of("order", draft.orderNo())));
        Outcome next = switch (draft.step()) {
            case REASON -> askReason(ctx, Map.of("order", draft.orderNo()));
            case DESCRIPTION -> say(ctx, s, "shop.as.ask_description");
            case EVIDENCE -> say(ctx, s, "shop.as.ask_photo");
            case CONFIRM -> review(ctx, s, draft, "shop.as.review");
        };
        List<Reply> replies = new ArrayList<>();
        replies.add(intro);
        replies.addAll(next.replies());
        return new Outcome(replies, next.state(), Intent.AFTER_SALES, 1.0, List.of(), false);
    }

    @Override
    public Optional<Reply> stillWaiting(TurnContext ctx) {
        AfterSalesDraft draft = ctx.state().afterSales();
        if (draft == null) {
            return Optional.empty();
        }
        return Optional.of(Reply.of(ctx.say("shop.as.waiting", Map.of("order", draft.orderNo())), List.of(
                button(ctx.label("shop.button.resume"), "resume"),
                button(ctx.label("shop.button.quit"), "quit"))));
    }

    /** Handed to a person mid-form: the flow ends, the draft stays, and "申请售后" later brings it back. */
    @Override
    public ConversationState setAside(ConversationState state) {
        return state.endFlow();
    }

    /** The buyer gave the form up ("算了", "退出"): the draft goes with it. */
    @Override
    public ConversationState leave(ConversationState state) {
        return state.endFlow().withAfterSales(null);
    }

    /** Brings back a form set aside earlier (for {@code orderNo}, or any when null) as the flow in progress. */
    Optional<Outcome> unpark(TurnContext ctx, String orderNo) {
        AfterSalesDraft draft = ctx.state().afterSales();
        if (draft == null || FLOW.equals(ctx.state().flow()) || orderNo != null && !orderNo.equals(draft.orderNo())) {
            return Optional.empty();
        }
        return Optional.of(remind(ctx.withState(ctx.state().startFlow(FLOW))));
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
            AfterSalesDraft draft = ctx.state().afterSales();
            if (draft == null) {
                return Outcome.of(leave(ctx.state()), Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("button.stale")));
            }
            return say(ctx, ctx.state().withAfterSales(draft.withReason(reason).at(Step.DESCRIPTION)),
                    "shop.as.ask_description");
        }
        if ("resume".equals(argument)) {
            return remind(ctx);
        }
        if ("submit".equals(argument)) {
            return submit(ctx);
        }
        if ("quit".equals(argument)) {
            return Outcome.of(leave(ctx.state()), Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("flow.left")));
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
        return afterDescription(ctx, ctx.state(), ctx.state().afterSales().withDescription(clip(text)));
    }

    /** Description given: screenshots sent earlier are used at once; otherwise one is asked for. */
    private Outcome afterDescription(TurnContext ctx, ConversationState s, AfterSalesDraft draft) {
        List<String> kept = s.dialogue().evidence();
        if (!kept.isEmpty()) {
            AfterSalesDraft withPhotos = draft.withEvidence(kept).at(Step.CONFIRM);
            return review(ctx, s.withDialogue(s.dialogue().withoutEvidence()).withAfterSales(withPhotos), withPhotos,
                    "shop.as.review");
        }
        return say(ctx, s.withAfterSales(draft.at(Step.EVIDENCE)), "shop.as.ask_photo");
    }

    private static String clip(String text) {
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) : text;
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
        AfterSalesDraft draft = ctx.state().afterSales();
        if (draft.evidence().size() >= chat.maxScreenshots()) {
            return review(ctx, ctx.state(), draft, "shop.as.photo_enough");
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
        AfterSalesDraft next = draft.withEvidence(List.of(id)).at(Step.CONFIRM);
        return review(ctx, ctx.state().withAfterSales(next), next, "shop.as.review");
    }

    private Outcome review(TurnContext ctx, ConversationState s, AfterSalesDraft draft, String key) {
        Map<String, Object> vars = Map.of("order", draft.orderNo(),
                "reason", draft.reason() == null ? "" : ctx.say("shop.as.reason." + draft.reason()),
                "description", draft.description() == null ? "" : draft.description(),
                "photos", draft.evidence().size());
        return Outcome.of(s, Intent.AFTER_SALES, 1.0, Reply.of(ctx.say(key, vars), List.of(
                button(ctx.label("shop.button.submit"), "submit"),
                button(ctx.label("shop.button.quit"), "quit"))));
    }

    private Outcome submit(TurnContext ctx) {
        ConversationState s = ctx.state();
        AfterSalesDraft draft = s.afterSales();
        if (draft == null || !draft.complete()) {
            return say(ctx, s, "shop.as.ask_photo");
        }
        String chatUser = OrderAccess.chatUser(ctx);
        // The same form always carries the same key: a retry after a timeout returns the first ticket.
        String key = RequestSigner.sha256Hex("ticket\n" + chatUser + "\n" + draft.formId());
        TicketResult r;
        try {
            r = shop.file(new TicketRequest(draft.orderNo(), chatUser, draft.reason(), draft.description(),
                    draft.evidence()), key);
        } catch (ShopUnavailableException e) {
            return Outcome.of(s, Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("shop.as.submit_failed"), List.of(
                    button(ctx.label("shop.button.submit"), "submit"), words.human(ctx))));
        }
        ConversationState done = leave(s);
        if (!r.filed() && "not_eligible".equals(r.refusal())) {
            return Outcome.of(done, Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("shop.as.refused." + r.rule(),
                    Map.of("order", draft.orderNo(), "category", "", "expired", "-", "status", "")),
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
}
