package kefu.conversation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the conversation is about right now, as a human agent keeps it in mind: the order in focus and why it
 * is (shown, urged, a cancel asked...), what the bot is waiting on, the article and section it last answered
 * with, and screenshots sent before the form that will use them. Follow-ups ("还是没到", "帮我催一下",
 * "那我等多久", "取消这个订单") are read against it.
 *
 * @param focus       the order last shown, proved or acted on, or null
 * @param lastArticle the help-center article and section last answered with, or null
 * @param evidence    ids of screenshots the shop stored before an after-sales form was open, kept for its evidence step
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DialogueContext(Focus focus, ArticleRef lastArticle, List<String> evidence) {

    /** How long an order stays in focus without being mentioned again. */
    public static final Duration FOCUS_LIFETIME = Duration.ofMinutes(30);
    private static final int MAX_EVIDENCE = 10;

    public DialogueContext {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static DialogueContext empty() {
        return new DialogueContext(null, null, List.of());
    }

    /** Why an order is in focus: what last happened to it in this conversation. */
    public enum Why { SHOWN, URGED, URGE_LATER, CANCEL_ASKED, CANCELLED, AFTER_SALES, AFTER_SALES_REFUSED, TICKET_FILED }

    /**
     * @param status the order's status when it was last seen ({@code processing}, {@code pending_payment}...)
     * @param until  for an urge ({@link Why#URGED}), when staff promised to act; for an urge refused as too early
     *               ({@link Why#URGE_LATER}), when the buyer may urge; otherwise null
     */
    public record Focus(String orderNo, Why why, String status, Instant at, Instant until) {
    }

    /** The article (and section, or -1) last answered with, and when. */
    public record ArticleRef(String id, int section, Instant at) {
    }

    /** How long the last article stays what a short complaint ("领不了", "还是不行") is about. */
    public static final Duration ARTICLE_LIFETIME = Duration.ofMinutes(10);

    /** The article last answered with, unless that was longer ago than {@link #ARTICLE_LIFETIME}. */
    public Optional<ArticleRef> articleAt(Instant now) {
        return lastArticle == null || lastArticle.at() == null || lastArticle.at().plus(ARTICLE_LIFETIME).isBefore(now)
                ? Optional.empty() : Optional.of(lastArticle);
    }

    /** The order in focus, unless it was last touched longer ago than {@link #FOCUS_LIFETIME}. */
    public Optional<Focus> focusAt(Instant now) {
        return focus == null || focus.at() == null || focus.at().plus(FOCUS_LIFETIME).isBefore(now)
                ? Optional.empty() : Optional.of(focus);
    }

    public DialogueContext withFocus(Focus next) {
        return new DialogueContext(next, lastArticle, evidence);
    }

    public DialogueContext withArticle(ArticleRef next) {
        return new DialogueContext(focus, next, evidence);
    }

    public DialogueContext withEvidence(String id) {
        List<String> next = new java.util.ArrayList<>(evidence);
        if (!next.contains(id) && next.size() < MAX_EVIDENCE) {
            next.add(id);
        }
        return new DialogueContext(focus, lastArticle, next);
    }

    public DialogueContext withoutEvidence() {
        return new DialogueContext(focus, lastArticle, List.of());
    }
}
