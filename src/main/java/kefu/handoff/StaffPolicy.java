package kefu.handoff;

import kefu.conversation.Handover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Who may do what on the staff side. The channel adapter admits members of the staff group; when
 * {@code kefu.handoff.only-staff-ids} lists ids, only those ids may act, even inside the group. On a buyer's
 * conversation the rules follow its {@link Handover}: one staff member serves a buyer at a time.
 */
public final class StaffPolicy {

    private static final Logger log = LoggerFactory.getLogger(StaffPolicy.class);

    private final List<String> onlyStaffIds;

    public StaffPolicy(HandoffProperties settings) {
        this.onlyStaffIds = settings.onlyStaffIds();
    }

    public boolean isStaff(String staffId) {
        return staffId != null && !staffId.isBlank() && (onlyStaffIds.isEmpty() || onlyStaffIds.contains(staffId));
    }

    /** {@link #isStaff}, with a log line when the id is turned away. */
    public boolean admits(String staffId) {
        if (isStaff(staffId)) {
            return true;
        }
        log.warn("ignored an action by {}: not in kefu.handoff.only-staff-ids", staffId == null ? "-" : "a non-staff id");
        return false;
    }

    /** Writing to the buyer (a message or a file): not to another's buyer, nor to one the bot serves. */
    public Optional<StaffRefusal> refuseWriting(String staffId, Handover handover) {
        Optional<String> serving = handover.assignee();
        if (serving.isPresent() && !serving.get().equals(staffId)) {
            return Optional.of(new StaffRefusal.NotYours(serving.get()));
        }
        if (!handover.withHumans()) {
            return Optional.of(new StaffRefusal.NotHanded());
        }
        return Optional.empty();
    }

    /** Writing in a queued thread takes the conversation: no separate {@code /claim} needed. */
    public boolean writingTakesOver(Handover handover) {
        return Handover.QUEUED.equals(handover);
    }

    /** Claiming: anyone may take a conversation over, even from a colleague, but not one already theirs. */
    public Optional<StaffRefusal> refuseClaim(String staffId, Handover handover) {
        return handover.servedBy(staffId) ? Optional.of(new StaffRefusal.AlreadyYours()) : Optional.empty();
    }

    /** Closing (by staff or when idle) hands back only a conversation that is with humans. */
    public Optional<StaffRefusal> refuseClosing(Handover handover) {
        return handover.withHumans() ? Optional.empty() : Optional.of(new StaffRefusal.NotHanded());
    }

    /** Closed while still queued, nobody served: there is no service to rate, so no rating is asked for. */
    public boolean asksRating(Handover closing) {
        return closing.assignee().isPresent();
    }
}
