package kefu.conversation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * An after-sales form as far as the buyer has filled it. It stays with the conversation while the buyer asks
 * something else, runs another order flow or is handed to a person, until it is submitted or given up.
 *
 * @param formId      fixed for the form's life: the shop's idempotency key derives from it (a retry never files
 *                    twice)
 * @param reason      a reason code ({@code not_received}...), or null before it is chosen
 * @param description the buyer's words, or null
 * @param evidence    ids of the screenshots the shop stored for this form
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AfterSalesDraft(String formId, String orderNo, Step step, String reason, String description,
                              List<String> evidence) {

    /** What the form asks for next. */
    public enum Step { REASON, DESCRIPTION, EVIDENCE, CONFIRM }

    public AfterSalesDraft {
        step = step == null ? Step.REASON : step;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static AfterSalesDraft start(String formId, String orderNo) {
        return new AfterSalesDraft(formId, orderNo, Step.REASON, null, null, List.of());
    }

    public AfterSalesDraft at(Step next) {
        return new AfterSalesDraft(formId, orderNo, next, reason, description, evidence);
    }

    public AfterSalesDraft withReason(String value) {
        return new AfterSalesDraft(formId, orderNo, step, value, description, evidence);
    }

    public AfterSalesDraft withDescription(String value) {
        return new AfterSalesDraft(formId, orderNo, step, reason, value, evidence);
    }

    /** Adds screenshots (already stored with the shop), each once, in the order they came. */
    public AfterSalesDraft withEvidence(List<String> ids) {
        List<String> next = new ArrayList<>(evidence);
        ids.stream().filter(id -> !next.contains(id)).forEach(next::add);
        return new AfterSalesDraft(formId, orderNo, step, reason, description, next);
    }

    public boolean complete() {
        return reason != null && description != null && !evidence.isEmpty();
    }
}
