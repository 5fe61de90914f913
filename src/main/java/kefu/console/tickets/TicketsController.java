package kefu.console.tickets;

import kefu.app.AppProperties;
import kefu.console.audit.AuditLog;
import kefu.handoff.TicketChangeNotice;
import kefu.shop.ListedTicket;
import kefu.shop.ListedUrge;
import kefu.shop.ShopConnection;
import kefu.shop.ShopGateway;
import kefu.shop.ShopUnavailableException;
import kefu.shop.TicketChange;
import kefu.shop.kept.KeptTickets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * After-sales tickets and cancel requests, filtered by status, and urged orders: those the bot keeps for a shop without
 * its own, and the shop's own where its API lists them (optional in the contract; a shop that does not is named on the
 * page).
 * Staff change a ticket's status with a note; the buyer is then told in their conversation — by the kept store's
 * listener for the bot's tickets, as {@code /ticket} in the Telegram staff group does, and from here for the shop's.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class TicketsController {

    /** Tickets and urges read per page and source: the newest. */
    static final int LIMIT = 200;
    /** Statuses staff may set here; {@code open} is where a ticket starts. */
    static final List<String> SETTABLE = List.of("processing", "resolved", "rejected");

    private final ShopConnection shop;
    private final ShopGateway gateway;
    private final TicketChangeNotice notice;
    private final AuditLog audit;
    private final DateTimeFormatter time;

    public TicketsController(ShopConnection shop, ShopGateway gateway, TicketChangeNotice notice, AuditLog audit,
                             AppProperties app) {
        this.shop = shop;
        this.gateway = gateway;
        this.notice = notice;
        this.audit = audit;
        this.time = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(app.timezone());
    }

    @GetMapping("/console/tickets")
    public String list(@RequestParam(required = false) String status, Model model) {
        TicketFilter filter = TicketFilter.of(status);
        model.addAttribute("page", "tickets");
        model.addAttribute("filter", filter.wireName());
        model.addAttribute("filters", List.of(TicketFilter.values()).stream().map(TicketFilter::wireName).toList());
        model.addAttribute("settable", SETTABLE);
        List<TicketRow> rows = new ArrayList<>();
        List<UrgeRow> urges = new ArrayList<>();
        KeptTickets kept = shop.kept();
        if (kept != null) {
            kept.latest(LIMIT).stream().filter(t -> filter.keeps(t.ticket())).map(t -> TicketRow.of(t, time)).forEach(rows::add);
            kept.latestUrges(LIMIT).stream().map(u -> UrgeRow.of(u, time)).forEach(urges::add);
        }
        try {
            Optional<List<ListedTicket>> listed = gateway.tickets(filter.statuses(), LIMIT);
            listed.ifPresent(l -> l.stream().map(t -> TicketRow.of(t, time)).forEach(rows::add));
            // The filter's statuses are the tickets': urges are listed whatever theirs, which the bot's do not have.
            Optional<List<ListedUrge>> urged = gateway.urges(List.of(), LIMIT);
            urged.ifPresent(l -> l.stream().map(u -> UrgeRow.of(u, time)).forEach(urges::add));
            // A shop whose tickets and urges the bot keeps has none of its own to speak of.
            if (listed.isEmpty() && kept == null) {
                model.addAttribute("shopNote", "console.tickets.shop_unlisted");
            }
            if (urged.isEmpty() && kept == null) {
                model.addAttribute("urgesNote", "console.tickets.shop_urges_unlisted");
            }
        } catch (ShopUnavailableException e) {
            model.addAttribute("shopNote", "console.tickets.shop_unavailable");
        }
        rows.sort(Comparator.comparing(TicketRow::createdAt).reversed());
        urges.sort(Comparator.comparing(UrgeRow::urgedAt).reversed());
        model.addAttribute("tickets", rows);
        model.addAttribute("urges", urges);
        return "console/tickets";
    }

    /** A resolution or a rejection tells the buyer why, so it needs a note; "processing" may go without. */
    @PostMapping("/console/tickets/{ticketNo}/status")
    public String change(@PathVariable String ticketNo, @RequestParam String status,
                         @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "active") String back,
                         Principal me, RedirectAttributes flash) {
        String to = "redirect:/console/tickets?status=" + TicketFilter.of(back).wireName();
        if (!SETTABLE.contains(status) || (!"processing".equals(status) && note.isBlank())) {
            flash.addFlashAttribute("error", "console.tickets.need_note");
            return to;
        }
        KeptTickets kept = shop.kept();
        Outcome outcome = kept != null && kept.kept(ticketNo).isPresent()
                ? (kept.change(ticketNo, status, note.strip()).isPresent() ? Outcome.TOLD : Outcome.error("console.tickets.not_found"))
                : changeAtShop(ticketNo, status, note.strip(), me.getName());
        if (outcome.error() != null) {
            flash.addFlashAttribute("error", outcome.error());
            return to;
        }
        audit.record(me.getName(), "ticket.status", ticketNo, status + (note.isBlank() ? "" : ": " + note.strip()));
        flash.addFlashAttribute("ok", outcome.told() ? "console.tickets.changed" : "console.tickets.changed_untold");
        flash.addFlashAttribute("changed", ticketNo);
        return to;
    }

    /** The shop judges the move; the buyer is told here, as the kept store's listener does for the bot's tickets. */
    private Outcome changeAtShop(String ticketNo, String status, String note, String by) {
        try {
            // A fresh key per change: the adapter may retry a lost answer, while a form sent twice is refused by the
            // shop (the ticket is there already) rather than answered again and the buyer told twice.
            TicketChange change = gateway.changeTicket(ticketNo, status, note, by, UUID.randomUUID().toString());
            return switch (change.outcome()) {
                case CHANGED -> notice.tell(change.ticket().chatUser(), change.ticket().ticket(), false, note)
                        ? Outcome.TOLD : new Outcome(false, null);
                case REFUSED -> Outcome.error("console.tickets.refused");
                case NOT_FOUND, UNSUPPORTED -> Outcome.error("console.tickets.not_found");
            };
        } catch (ShopUnavailableException e) {
            return Outcome.error("console.tickets.shop_unavailable");
        }
    }

    /** A change made (and whether the buyer was told), or the text key of why not. */
    private record Outcome(boolean told, String error) {
        static final Outcome TOLD = new Outcome(true, null);

        static Outcome error(String key) {
            return new Outcome(false, key);
        }
    }
}
