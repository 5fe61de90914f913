package kefu.conversation;

/**
 * Hands a buyer's conversation to human staff (port, implemented by the handoff capability). Any handler
 * whose flow cannot go on (the shop refused, the form failed twice...) returns what this gives back.
 */
public interface Escalation {

    /**
     * Queues the conversation for staff and tells the buyer so.
     *
     * @param intent the intent the turn is reported under
     * @param reason a short code ({@code asked}, {@code complaint}, {@code fallback}, {@code flow}) or free text;
     *               shown to staff on the summary card
     */
    Outcome escalate(TurnContext ctx, Intent intent, String reason);
}
