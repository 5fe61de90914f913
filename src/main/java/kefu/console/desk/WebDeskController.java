package kefu.console.desk;

import kefu.channel.FileSniffer;
import kefu.console.audit.AuditLog;
import kefu.console.conversations.ConversationFinder;
import kefu.conversation.Attachment;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.Handover;
import kefu.handoff.StaffActions;
import kefu.handoff.StaffOrderLookup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

/**
 * The web staff desk: a staff member claims a waiting buyer, replies, adds internal notes, looks up an order and
 * closes the conversation with the rating request. Every action goes through the same {@link StaffActions} as
 * the Telegram desk (under the buyer's lease, with the same ownership rules), acting as {@code web:<user>}.
 * The page follows the conversation through server-sent events ({@link DeskFeed}); staff may send an image.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebDeskController {

    static final String WEB = "web:";

    private final ConversationFinder finder;
    private final StaffActions actions;
    private final StaffOrderLookup orders;
    private final AuditLog audit;
    private final DeskFeed feed;
    private final FileSniffer sniffer = new FileSniffer();

    public WebDeskController(ConversationFinder finder, StaffActions actions, StaffOrderLookup orders, AuditLog audit,
                             DeskFeed feed) {
        this.finder = finder;
        this.actions = actions;
        this.orders = orders;
        this.audit = audit;
        this.feed = feed;
    }

    static String staffId(Principal me) {
        return WEB + me.getName();
    }

    /** The queue and the conversations to pick from are on the conversations page. */
    @GetMapping("/console/desk")
    public String index() {
        return "redirect:/console/conversations";
    }

    @GetMapping("/console/desk/{pseudonym}")
    public String desk(@PathVariable String pseudonym, @RequestParam(required = false) String order, Model model,
                       Principal me) {
        ConversationKey buyer = buyer(pseudonym);
        ConversationState s = finder.state(buyer).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", "desk");
        model.addAttribute("c", finder.summary(buyer, pseudonym, s));
        model.addAttribute("lines", finder.transcript(s));
        Optional<String> serving = s.handover().assignee();
        model.addAttribute("mine", serving.filter(staffId(me)::equals).isPresent());
        model.addAttribute("servedBy", serving.orElse(null));
        model.addAttribute("queued", s.handover().status() == Handover.Status.QUEUED);
        if (order != null && !order.isBlank()) {
            model.addAttribute("order", order);
            model.addAttribute("orderView", orders.view(order.strip().toUpperCase(Locale.ROOT)));
            audit.record(me.getName(), "desk.order", pseudonym, order);
        }
        return "console/desk";
    }

    /** New transcript lines ({@code line}) and owner changes ({@code owner}) as they happen. */
    @GetMapping(path = "/console/desk/{pseudonym}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable String pseudonym) {
        ConversationKey buyer = buyer(pseudonym);
        ConversationState s = finder.state(buyer).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return feed.open(buyer, s);
    }

    /** An image for the buyer: only what looks like an image (by its bytes, not its name) is sent. */
    @PostMapping("/console/desk/{pseudonym}/image")
    public String image(@PathVariable String pseudonym, @RequestParam("image") MultipartFile image,
                        @RequestParam(defaultValue = "") String caption, Principal me, RedirectAttributes flash)
            throws IOException {
        Path file = Files.createTempFile("desk-", ".img");
        try {
            image.transferTo(file);
            Optional<String> type = image.isEmpty() ? Optional.empty() : sniffer.imageType(file);
            if (type.isEmpty()) {
                flash.addFlashAttribute("problem", "console.desk.not_an_image");
                return "redirect:/console/desk/" + pseudonym;
            }
            Attachment picture = new Attachment(file.toString(), fileName(image.getOriginalFilename()), type.get(),
                    Files.size(file));
            return act(pseudonym, me, flash, "desk.image", picture.fileName(),
                    thread -> actions.file(staffId(me), thread, picture, caption.isBlank() ? null : caption.strip()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The uploaded file's own name without any folder, short enough for a caption line. */
    private static String fileName(String original) {
        String name = original == null ? "" : original.replaceAll(".*[/\\\\]", "").strip();
        name = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return name.isEmpty() ? "image" : name.substring(0, Math.min(name.length(), 80));
    }

    @PostMapping("/console/desk/{pseudonym}/claim")
    public String claim(@PathVariable String pseudonym, Principal me, RedirectAttributes flash) {
        return act(pseudonym, me, flash, "desk.claim", "", thread -> actions.command(staffId(me), thread, "claim", ""));
    }

    @PostMapping("/console/desk/{pseudonym}/reply")
    public String reply(@PathVariable String pseudonym, @RequestParam String text, Principal me,
                        RedirectAttributes flash) {
        return act(pseudonym, me, flash, "desk.reply", "", thread -> actions.message(staffId(me), thread, text));
    }

    @PostMapping("/console/desk/{pseudonym}/note")
    public String note(@PathVariable String pseudonym, @RequestParam String text, Principal me,
                       RedirectAttributes flash) {
        return act(pseudonym, me, flash, "desk.note", text, thread -> actions.command(staffId(me), thread, "note", text));
    }

    @PostMapping("/console/desk/{pseudonym}/close")
    public String close(@PathVariable String pseudonym, Principal me, RedirectAttributes flash) {
        return act(pseudonym, me, flash, "desk.close", "", thread -> actions.command(staffId(me), thread, "close", ""));
    }

    private interface Action {
        void on(String thread);
    }

    /** Refuses a buyer someone else is serving (as the Telegram desk does), then acts in the buyer's thread. */
    private String act(String pseudonym, Principal me, RedirectAttributes flash, String what, String detail,
                       Action action) {
        ConversationKey buyer = buyer(pseudonym);
        ConversationState s = finder.state(buyer).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<String> serving = s.handover().assignee();
        if (serving.isPresent() && !serving.get().equals(staffId(me)) && !"desk.note".equals(what)) {
            flash.addFlashAttribute("error", serving.get());
            return "redirect:/console/desk/" + pseudonym;
        }
        String thread = actions.threadOf(buyer);
        if (thread == null) {
            thread = actions.openThreadFor(buyer);
        }
        action.on(thread);
        audit.record(me.getName(), what, pseudonym, detail);
        return "redirect:/console/desk/" + pseudonym;
    }

    private ConversationKey buyer(String pseudonym) {
        return finder.byPseudonym(pseudonym).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
