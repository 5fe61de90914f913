package kefu.console.conversations;

import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.handoff.HandoffQueue;
import kefu.privacy.Pseudonym;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Conversation logs (对话日志): search, the live queue with waiting times, and one conversation's transcript. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConversationsController {

    /** A buyer waiting for staff, as listed. */
    public record Waiting(String pseudonym, String buyer, long minutes, String lastBuyerText) { }

    private final ConversationFinder finder;
    private final HandoffQueue queue;
    private final Clock clock;

    public ConversationsController(ConversationFinder finder, HandoffQueue queue, Clock clock) {
        this.finder = finder;
        this.queue = queue;
        this.clock = clock;
    }

    @GetMapping("/console/conversations")
    public String list(@RequestParam(name = "q", required = false) String q, Model model) {
        model.addAttribute("page", "conversations");
        model.addAttribute("q", q);
        model.addAttribute("found", finder.find(q));
        model.addAttribute("queue", waiting());
        return "console/conversations";
    }

    @GetMapping("/console/conversations/{pseudonym}")
    public String one(@PathVariable String pseudonym, Model model) {
        ConversationKey key = finder.byPseudonym(pseudonym)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ConversationState s = finder.state(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", "conversations");
        model.addAttribute("c", finder.summary(key, pseudonym, s));
        model.addAttribute("lines", finder.transcript(s));
        return "console/conversation";
    }

    List<Waiting> waiting() {
        List<Waiting> out = new ArrayList<>();
        for (HandoffQueue.Waiting w : queue.waiting()) {
            var s = finder.state(w.buyer());
            String pseudonym = Pseudonym.of(w.buyer());
            out.add(new Waiting(pseudonym, ConversationFinder.masked(w.buyer()),
                    Duration.between(w.since(), clock.instant()).toMinutes(),
                    s.map(st -> finder.summary(w.buyer(), pseudonym, st).lastBuyerText()).orElse(null)));
        }
        return out;
    }
}
