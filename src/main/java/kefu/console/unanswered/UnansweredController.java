package kefu.console.unanswered;

import kefu.console.audit.AuditLog;
import kefu.console.kb.ArticleFiles;
import kefu.knowledge.KnowledgeBase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Questions the bot could not answer, grouped by meaning. Everyone sees them; admins act on a group: add its
 * question to an article (written into the article's front matter and reloaded), start a new article from it,
 * mark it out of scope, or dismiss it.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class UnansweredController {

    private final UnansweredQuestions questions;
    private final QuestionGroups groups;
    private final ArticleFiles articles;
    private final KnowledgeBase knowledge;
    private final FallbackExamples fallback;
    private final AuditLog audit;

    public UnansweredController(UnansweredQuestions questions, QuestionGroups groups, ArticleFiles articles,
                                KnowledgeBase knowledge, FallbackExamples fallback, AuditLog audit) {
        this.questions = questions;
        this.groups = groups;
        this.articles = articles;
        this.knowledge = knowledge;
        this.fallback = fallback;
        this.audit = audit;
    }

    @GetMapping("/console/unanswered")
    public String list(Model model) {
        model.addAttribute("page", "unanswered");
        List<QuestionGroups.Group> all = groups.group(questions.all());
        Map<String, String> suggested = new HashMap<>();
        for (QuestionGroups.Group g : all) {
            knowledge.search(g.lead().text()).stream().findFirst()
                    .ifPresent(hit -> suggested.put(g.id(), hit.article().id()));
        }
        model.addAttribute("groups", all);
        model.addAttribute("suggested", suggested);
        model.addAttribute("articles", knowledge.articles());
        return "console/unanswered";
    }

    @PostMapping("/console/admin/unanswered/add")
    public String addToArticle(@RequestParam String article, @RequestParam String question,
                               @RequestParam List<String> members, Principal me, RedirectAttributes flash) {
        try {
            articles.addQuestion(article, question, me.getName());
            questions.remove(members);
            flash.addFlashAttribute("ok", "console.unanswered.added");
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/unanswered";
    }

    @PostMapping("/console/admin/unanswered/new")
    public String newArticle(@RequestParam String question) {
        return "redirect:" + UriComponentsBuilder.fromPath("/console/admin/kb/new").queryParam("question", question)
                .encode().build().toUriString();
    }

    @PostMapping("/console/admin/unanswered/scope")
    public String outOfScope(@RequestParam String question, @RequestParam List<String> members, Principal me,
                             RedirectAttributes flash) {
        try {
            fallback.add(question);
            questions.remove(members);
            audit.record(me.getName(), "unanswered.out_of_scope", "", question);
            flash.addFlashAttribute("ok", "console.unanswered.scoped");
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/unanswered";
    }

    @PostMapping("/console/admin/unanswered/dismiss")
    public String dismiss(@RequestParam String question, @RequestParam List<String> members, Principal me,
                          RedirectAttributes flash) {
        questions.remove(members);
        audit.record(me.getName(), "unanswered.dismiss", "", question);
        flash.addFlashAttribute("ok", "console.unanswered.dismissed");
        return "redirect:/console/unanswered";
    }
}
