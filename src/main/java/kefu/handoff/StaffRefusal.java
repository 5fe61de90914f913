package kefu.handoff;

import java.util.Map;

/** Why {@link StaffPolicy} refuses a staff member an action on a conversation; staff are told the reason. */
public sealed interface StaffRefusal {

    /** Another staff member serves the buyer. */
    record NotYours(String servingStaffId) implements StaffRefusal {
    }

    /** The bot serves the buyer (never handed over, or handed back). */
    record NotHanded() implements StaffRefusal {
    }

    /** The staff member already serves the buyer. */
    record AlreadyYours() implements StaffRefusal {
    }

    /** The line staff read in the thread. */
    default String text(StaffTexts texts, StaffNames names) {
        if (this instanceof NotYours other) {
            return texts.say("handoff.staff.not_yours", Map.of("alias", names.shown(other.servingStaffId())));
        }
        return texts.say(this instanceof AlreadyYours ? "handoff.staff.already_yours" : "handoff.staff.not_handed");
    }
}
