package kefu.console.kb;

import kefu.knowledge.Article;
import kefu.knowledge.KnowledgeBase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Comparator;
import java.util.Locale;

/**
 * The help center: everyone lists and reads articles; admins edit and create them (front matter + Markdown),
 * preview them as the bot parses them, and save them into {@code knowledge-base/}, reloaded at once.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class KnowledgeController {

    private final KnowledgeBase knowledge;
    private final ArticleFiles files;
    /** The console's wording ({@code bot/replies/console.yml}), including a new article's starting text. */
    private final MessageSource texts;

    public KnowledgeController(KnowledgeBase knowledge, ArticleFiles files, MessageSource texts) {
        this.texts = texts;
        this.knowledge = knowledge;
        this.files = files;
    }

    @GetMapping("/console/kb")
    public String list(Model model) {
        model.addAttribute("page", "kb");
        model.addAttribute("articles", knowledge.articles().stream()
                .sorted(Comparator.comparing(Article::category).thenComparing(Article::id)).toList());
        model.addAttribute("writable", files.writable());
        return "console/kb-list";
    }

    @GetMapping("/console/kb/{id}")
    public String view(@PathVariable String id, Model model) {
        Article a = knowledge.article(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", "kb");
        model.addAttribute("article", a);
        model.addAttribute("source", files.source(id).orElse(null));
        return "console/kb-view";
    }

    @GetMapping("/console/admin/kb/{id}/edit")
    public String edit(@PathVariable String id, Model model) {
        String source = files.source(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return editor(model, id, source, null, null);
    }

    @GetMapping("/console/admin/kb/new")
    public String create(@RequestParam(required = false) String question, Model model, Locale locale) {
        String q = question == null || question.isBlank() ? texts.getMessage("console.kb.template.question", null, locale)
                : question.strip().replace("\n", " ");
        return editor(model, null, texts.getMessage("console.kb.template", new Object[] {q}, locale), null, null);
    }

    @PostMapping("/console/admin/kb/save")
    public String save(@RequestParam(required = false) String id, @RequestParam String source,
                       @RequestParam(defaultValue = "save") String action, Model model, Principal me,
                       RedirectAttributes flash) {
        String existing = id == null || id.isBlank() ? null : id;
        try {
            if ("preview".equals(action)) {
                return editor(model, existing, source, files.check(source), null);
            }
            Article saved = existing == null ? files.create(source, me.getName()) : files.save(existing, source, me.getName());
            flash.addFlashAttribute("ok", "console.kb.saved");
            return "redirect:/console/kb/" + saved.id();
        } catch (RuntimeException e) {
            return editor(model, existing, source, null, e.getMessage());
        }
    }

    private String editor(Model model, String id, String source, Article preview, String error) {
        model.addAttribute("page", "kb");
        model.addAttribute("id", id);
        model.addAttribute("source", source);
        model.addAttribute("preview", preview);
        model.addAttribute("error", error);
        model.addAttribute("writable", files.writable());
        return "console/kb-edit";
    }
}
