package kefu.console.overview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The overview page: today's, the week's or the month's figures, with charts drawn in the browser from the page's data. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OverviewController {

    private static final Set<Integer> RANGES = Set.of(1, 7, 30);

    private final OverviewReport report;
    private final ObjectMapper json;
    private final MessageSource texts;

    public OverviewController(OverviewReport report, ObjectMapper json, MessageSource texts) {
        this.report = report;
        this.json = json;
        this.texts = texts;
    }

    @GetMapping("/console/overview")
    public String overview(@RequestParam(defaultValue = "1") int days, Model model, Locale locale)
            throws JsonProcessingException {
        int range = RANGES.contains(days) ? days : 1;
        Overview o = report.read(range);
        model.addAttribute("o", o);
        model.addAttribute("days", range);
        model.addAttribute("page", "overview");
        model.addAttribute("chartData", chartData(o));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String k : List.of("conversations", "resolved", "handovers", "unanswered", "other", "ratings")) {
            labels.put(k, texts.getMessage("console.series." + k, null, k, locale));
        }
        model.addAttribute("labels", json.writeValueAsString(labels).replace("<", "\\u003c"));
        return "console/overview";
    }

    /** The charts' data as JSON for a non-executed script element; '<' is escaped so no text can close it. */
    private String chartData(Overview o) throws JsonProcessingException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("days", o.daily().stream().map(d -> d.date().toString().substring(5)).toList());
        data.put("conversations", o.daily().stream().map(Overview.Day::conversations).toList());
        data.put("resolved", o.daily().stream().map(Overview.Day::resolved).toList());
        data.put("handovers", o.daily().stream().map(Overview.Day::handovers).toList());
        data.put("unanswered", o.daily().stream().map(Overview.Day::unanswered).toList());
        data.put("ratings", o.ratings());
        data.put("intents", o.topIntents().stream().map(Overview.Ranked::name).toList());
        data.put("intentCounts", o.topIntents().stream().map(Overview.Ranked::count).toList());
        long handed = o.daily().stream().mapToLong(Overview.Day::handovers).sum();
        data.put("outcomes", List.of(o.resolved(), handed, Math.max(0, o.conversations() - o.resolved() - handed)));
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }
}
