package kefu.conversation.orders;

import kefu.conversation.Classification;
import kefu.conversation.DialogueContext;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.shop.OrderRules;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopTicket;
import kefu.shop.ShopUnavailableException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 售后: checks the order may get after-sales (used or expired game items may not; one open ticket per order)
 * and opens the {@link AfterSalesForm}. "售后进度" shows the buyer's tickets instead.
 */
final class AfterSalesHandler implements IntentHandler, OrderAction {

    /** The recogniser's entity for a follow-up about the order in focus. */
    private static final String FOLLOW_UP = "follow_up";
    /** The recogniser's entity for "how is my ticket going" (bot/dialogue.yml, progress). */
    private static final String PROGRESS = "progress";

    private final OrderAccess access;
    private final ShopGateway shop;
    private final OrderWords words;
    private final OrderRules rules;
    private final AfterSalesForm form;

    AfterSalesHandler(OrderAccess access, ShopGateway shop, OrderWords words, OrderRules rules, AfterSalesForm form) {
        this.access = access;
        this.shop = shop;
        this.words = words;
        this.rules = rules;
        this.form = form;
    }

    @Override
    public Intent intent() {
        return Intent.AFTER_SALES;
    }

    @Override
    public String name() {
        return "after_sales";
    }

    @Override
    public Outcome handle(TurnContext ctx, Classification c) {
        if (c.entity(PROGRESS) != null) {
            return progress(ctx);
        }
        if (AfterSalesForm.FLOW.equals(ctx.state().flow())) {
            return form.remind(ctx);
        }
        Optional<Outcome> notReceived = notReceivedAfterRefusal(ctx, c);
        if (notReceived.isPresent()) {
            return notReceived.get();
        }
        // A screenshot that came with the request is kept for the form's evidence step.
        TurnContext withPhoto = ctx;
        if (ctx.turn().attachment() != null) {
            Optional<String> id = form.upload(ctx);
            if (id.isPresent()) {
                withPhoto = ctx.withState(ctx.state().withDialogue(ctx.state().dialogue().withEvidence(id.get())));
            }
        }
        TurnContext next = withPhoto;
        return form.unpark(next, null).orElseGet(() -> access.start(next, c, this));
    }

    @Override
    public Outcome run(TurnContext ctx, ShopOrder o) {
        if (form.inProgressFor(ctx.state(), o.orderNo())) {
            return form.remind(ctx);
        }
        Optional<Outcome> parked = form.unpark(ctx, o.orderNo());
        if (parked.isPresent()) {
            return parked.get();
        }
        Map<String, Object> vars = words.vars(ctx, o);
        if (o.openTicket() != null) {
            vars.put("ticket", o.openTicket());
            return Outcome.of(ShopFacts.add(ctx.state(), ShopFacts.TICKETS, o.openTicket()), Intent.AFTER_SALES, 1.0,
                    Reply.of(ctx.say("shop.as.open_exists", vars)));
        }
        OrderRules.Check check = rules.afterSales(o, ctx.now());
        if (!check.allowed()) {
            vars.put("status", ctx.say("shop.status." + o.status().wireName(), vars));
            vars.put("expired", words.time(o.expiresAt()));
            // Kept in focus as refused: "可是一直没到账" next is read against this refusal.
            return Outcome.of(OrderAccess.focus(ctx.state(), o, DialogueContext.Why.AFTER_SALES_REFUSED, ctx.now(), null),
                    Intent.AFTER_SALES, 1.0,
                    Reply.of(ctx.say("shop.as.refused." + check.reason(), vars), List.of(words.human(ctx))));
        }
        return form.start(ctx, o);
    }

    /**
     * Refused because the item expired, the buyer says it never arrived: that is a delivery problem the expiry rule
     * does not cover, so the form opens with the reason and their words as the description.
     */
    private Optional<Outcome> notReceivedAfterRefusal(TurnContext ctx, Classification c) {
        var focus = ctx.state().dialogue().focusAt(ctx.now());
        if (!"not-received".equals(c.entity(FOLLOW_UP)) || focus.isEmpty()
                || focus.get().why() != DialogueContext.Why.AFTER_SALES_REFUSED) {
            return Optional.empty();
        }
        Optional<ShopOrder> order;
        try {
            order = shop.order(focus.get().orderNo());
        } catch (ShopUnavailableException e) {
            return Optional.of(access.unavailable(ctx, this));
        }
        if (order.isEmpty() || !access.owns(ctx.state(), order.get()) || order.get().openTicket() != null
                || !rules.afterSales(order.get(), ctx.now(), AfterSalesForm.NOT_RECEIVED).allowed()) {
            return Optional.empty();
        }
        return Optional.of(form.startWith(ctx, order.get(), AfterSalesForm.NOT_RECEIVED, ctx.turn().trimmedText()));
    }

    /** Shows the status of the buyer's after-sales tickets, newest first. */
    Outcome progress(TurnContext ctx) {
        List<String> tickets = new ArrayList<>(ShopFacts.list(ctx.state(), ShopFacts.TICKETS));
        if (tickets.isEmpty()) {
            return Outcome.of(ctx.state(), Intent.AFTER_SALES, 1.0, Reply.of(ctx.say("shop.as.progress.none")));
        }
        Collections.reverse(tickets);
        StringBuilder lines = new StringBuilder();
        try {
            for (String no : tickets.subList(0, Math.min(3, tickets.size()))) {
                Optional<ShopTicket> t = shop.ticket(no);
                if (t.isEmpty()) {
                    continue;
                }
                ShopTicket ticket = t.get();
                String last = ticket.messages().isEmpty() ? "" : ticket.messages().get(ticket.messages().size() - 1).text();
                lines.append(ctx.say("shop.as.progress.line", Map.of("ticket", ticket.ticketNo(),
                        "order", ticket.orderNo(), "status", ctx.say("shop.ticket." + ticket.status()),
                        "created", words.time(ticket.createdAt()), "min", ticket.slaHoursMin(),
                        "max", ticket.slaHoursMax(), "last", last))).append('\n');
            }
        } catch (ShopUnavailableException e) {
            return access.unavailable(ctx, this);
        }
        return Outcome.of(ctx.state(), Intent.AFTER_SALES, 1.0,
                Reply.of(ctx.say("shop.as.progress", Map.of("lines", lines.toString().strip()))));
    }
}
