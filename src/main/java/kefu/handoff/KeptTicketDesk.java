package kefu.handoff;

import kefu.conversation.Keywords;
import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.shop.ShopConnection;
import kefu.shop.ShopOrder;
import kefu.shop.kept.KeptEvents;
import kefu.shop.kept.KeptTicket;
import kefu.shop.kept.KeptTickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Puts what the bot keeps for a shop without tickets in front of staff and answers the buyer: a card in the staff
 * group for each new ticket, cancel request and urge, the {@code /ticket} command, and a message to the buyer when
 * staff change a ticket. On a shop that keeps its own tickets {@code /ticket} says so.
 */
public final class KeptTicketDesk implements KeptEvents, StaffTickets {

    private static final Logger log = LoggerFactory.getLogger(KeptTicketDesk.class);

    private final ShopConnection shop;
    private final StaffDesk desk;
    private final TicketChangeNotice notice;
    private final StaffTexts texts;
    private final Keywords keywords;
    private final DateTimeFormatter time;

    public KeptTicketDesk(ShopConnection shop, StaffDesk desk, TicketChangeNotice notice, StaffTexts texts, ZoneId zone,
                          Keywords keywords) {
        this.shop = shop;
        this.keywords = keywords;
        this.desk = desk;
        this.notice = notice;
        this.texts = texts;
        this.time = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone);
    }

    @Override
    public void filed(KeptTicket ticket, ShopOrder order) {
        var t = ticket.ticket();
        String key = ticket.cancelRequest() ? "handoff.staff.cancel_card" : "handoff.staff.ticket_card";
        String description = t.messages().isEmpty() ? "" : t.messages().get(0).text();
        post(null, texts.say(key, Map.of("ticket", t.ticketNo(), "order", t.orderNo(), "product", nz(order.product()),
                "reason", reasonWord(t.reason()), "text", description, "evidence", ticket.evidence().size(),
                "buyer", ticket.chatUser(), "status", nz(order.rawStatus()))), cardButtons(t.ticketNo()));
    }

    @Override
    public void urged(ShopOrder order, String chatUser, int count) {
        post(null, texts.say("handoff.staff.urge_card", Map.of("order", order.orderNo(), "product", nz(order.product()),
                "count", count, "paid", order.paidAt() == null ? "-" : time.format(order.paidAt()),
                "status", nz(order.rawStatus()), "buyer", chatUser)), List.of());
    }

    @Override
    public void changed(KeptTicket ticket, String note) {
        notice.tell(ticket.chatUser(), ticket.ticket(), ticket.cancelRequest(), note);
    }

    @Override
    public void command(String threadRef, String argument) {
        KeptTickets kept = shop.kept();
        if (kept == null) {
            desk.post(threadRef, texts.say("handoff.staff.ticket_shop_keeps"), List.of());
            return;
        }
        String[] parts = argument == null ? new String[0] : argument.strip().split("\\s+", 3);
        if (parts.length == 0 || parts[0].isEmpty()) {
            desk.post(threadRef, listing(kept), List.of());
            return;
        }
        String no = parts[0].toUpperCase(Locale.ROOT);
        if (parts.length == 1) {
            show(threadRef, kept, no);
            return;
        }
        String status = keywords.ticketStatusOf(parts[1]).orElse(null);
        String note = parts.length > 2 ? parts[2] : "";
        if (status == null || (!"processing".equals(status) && note.isBlank())) {
            desk.post(threadRef, texts.say("handoff.staff.ticket_usage"), List.of());
            return;
        }
        change(threadRef, kept, no, status, note);
    }

    @Override
    public void button(String threadRef, String data) {
        KeptTickets kept = shop.kept();
        String[] parts = data.substring(BUTTON.length()).split(":", 2);
        if (kept == null || parts.length != 2) {
            desk.post(threadRef, texts.say("handoff.staff.ticket_usage"), List.of());
            return;
        }
        change(threadRef, kept, parts[0], parts[1], "");
    }

    private void change(String threadRef, KeptTickets kept, String no, String status, String note) {
        Optional<KeptTicket> changed = kept.change(no, status, note);
        desk.post(threadRef, changed.isEmpty() ? texts.say("handoff.staff.ticket_not_found", Map.of("ticket", no))
                : texts.say("handoff.staff.ticket_changed", Map.of("ticket", no, "status", texts.say("handoff.staff.ticket_status." + status))),
                List.of());
    }

    private void show(String threadRef, KeptTickets kept, String no) {
        Optional<KeptTicket> found = kept.kept(no);
        if (found.isEmpty()) {
            desk.post(threadRef, texts.say("handoff.staff.ticket_not_found", Map.of("ticket", no)), List.of());
            return;
        }
        var t = found.get().ticket();
        StringBuilder messages = new StringBuilder();
        t.messages().forEach(m -> messages.append("\n").append(time.format(m.at())).append(" ").append(m.from()).append(": ").append(m.text()));
        desk.post(threadRef, texts.say("handoff.staff.ticket_view", Map.of("ticket", t.ticketNo(), "order", t.orderNo(),
                "reason", reasonWord(t.reason()), "status", texts.say("handoff.staff.ticket_status." + t.status()),
                "buyer", found.get().chatUser(), "created", time.format(t.createdAt()), "messages", messages.toString(),
                "evidence", found.get().evidence().size())), t.open() ? cardButtons(t.ticketNo()) : List.of());
        for (String id : found.get().evidence()) {
            kept.evidence(id).ifPresent(bytes -> postFile(threadRef, t.ticketNo(), id, bytes));
        }
    }

    private void postFile(String threadRef, String ticketNo, String id, byte[] bytes) {
        try {
            Path file = Files.createTempFile("evidence-", ".png");
            Files.write(file, bytes);
            desk.postFile(threadRef, new Attachment(file.toString(), id + ".png", "image/png", bytes.length), ticketNo);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("ticket {}: evidence {} not shown: {}", ticketNo, id, e.toString());
        }
    }

    private String listing(KeptTickets kept) {
        List<KeptTicket> open = kept.open();
        if (open.isEmpty()) {
            return texts.say("handoff.staff.ticket_none");
        }
        StringBuilder b = new StringBuilder(texts.say("handoff.staff.ticket_list", Map.of("count", open.size())));
        for (KeptTicket k : open) {
            b.append("\n").append(texts.say("handoff.staff.ticket_line", Map.of("ticket", k.ticket().ticketNo(),
                    "order", k.ticket().orderNo(), "reason", reasonWord(k.ticket().reason()),
                    "status", texts.say("handoff.staff.ticket_status." + k.ticket().status()),
                    "created", time.format(k.ticket().createdAt()))));
        }
        return b.toString();
    }

    private List<Button> cardButtons(String ticketNo) {
        return List.of(Button.of(texts.say("handoff.staff.ticket_button.processing"), "ticket", ticketNo + ":processing"));
    }

    private String reasonWord(String reason) {
        String key = "handoff.staff.ticket_reason." + reason;
        return texts.has(key) ? texts.say(key) : reason;
    }

    private void post(String threadRef, String text, List<Button> buttons) {
        try {
            desk.post(threadRef, text, buttons);
        } catch (RuntimeException e) {
            log.warn("staff card not posted: {}", e.toString());
        }
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
