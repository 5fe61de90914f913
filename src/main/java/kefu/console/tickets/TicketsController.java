package kefu.console.tickets;

import kefu.app.AppProperties;
import kefu.console.audit.AuditLog;
import kefu.shop.ShopConnection;
import kefu.shop.kept.KeptTicket;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After-sales tickets, cancel requests and urges the bot keeps for a shop without its own, filtered by status.
 * Staff change a ticket's status with a note; the kept store then tells the buyer through the buyer's messenger,
 * as a change made with {@code /ticket} in the Telegram staff group does. A shop that keeps its own tickets
 * (the signed contract, the sandbox) handles them in its own back office: the page says so.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class TicketsController {

    /** Tickets and urges read per page: the newest, as the kept store lists them. */
    static final int LIMIT = 200;
    /** Statuses staff may set here; {@code open} is where a ticket starts. */
    static final List<String> SETTABLE = List.of("processing", "resolved", "rejected");

    private final ShopConnection shop;
    private final AuditLog audit;
    private final DateTimeFormatter time;

    public TicketsController(ShopConnection shop, AuditLog audit, AppProperties app) {
        this.shop = shop;
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
        KeptTickets kept = shop.kept();
        model.addAttribute("kept", kept != null);
        if (kept != null) {
            model.addAttribute("tickets", kept.latest(LIMIT).stream().filter(filter::keeps)
                    .map(t -> TicketRow.of(t, time)).toList());
            model.addAttribute("urges", kept.latestUrges(LIMIT).stream().map(u -> Map.of("order", u.orderNo(),
                    "buyer", TicketRow.pseudonym(u.chatUser()), "count", u.count(), "last", time.format(u.last()))).toList());
        }
        return "console/tickets";
    }

    /** A resolution or a rejection tells the buyer why, so it needs a note; "processing" may go without. */
    @PostMapping("/console/tickets/{ticketNo}/status")
    public String change(@PathVariable String ticketNo, @RequestParam String status,
                         @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "active") String back,
                         Principal me, RedirectAttributes flash) {
        String to = "redirect:/console/tickets?status=" + TicketFilter.of(back).wireName();
        KeptTickets kept = shop.kept();
        if (kept == null || !SETTABLE.contains(status) || (!"processing".equals(status) && note.isBlank())) {
            flash.addFlashAttribute("error", "console.tickets.need_note");
            return to;
        }
        Optional<KeptTicket> changed = kept.change(ticketNo, status, note.strip());
        if (changed.isEmpty()) {
            flash.addFlashAttribute("error", "console.tickets.not_found");
            return to;
        }
        audit.record(me.getName(), "ticket.status", ticketNo, status + (note.isBlank() ? "" : ": " + note.strip()));
        flash.addFlashAttribute("ok", "console.tickets.changed");
        flash.addFlashAttribute("changed", ticketNo);
        return to;
    }
}
