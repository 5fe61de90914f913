package kefu.console.hits;

import kefu.console.audit.AuditLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.Principal;

/** The hit-testing page: type a question, see how the bot understands and answers it. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class HitTestController {

    private static final int MAX_QUESTION = 500;

    private final HitTesting hits;
    private final AuditLog audit;

    public HitTestController(HitTesting hits, AuditLog audit) {
        this.hits = hits;
        this.audit = audit;
    }

    @GetMapping("/console/hits")
    public String hits(@RequestParam(name = "q", required = false) String q, Model model, Principal me) {
        model.addAttribute("page", "hits");
        if (q != null && !q.isBlank()) {
            String question = q.length() > MAX_QUESTION ? q.substring(0, MAX_QUESTION) : q;
            model.addAttribute("q", question);
            model.addAttribute("hit", hits.test(question));
            audit.record(me.getName(), "hit.test", "", question);
        }
        return "console/hits";
    }
}
