package kefu.conversation;

/** Answers one recognised intent. Spring collects every bean; one handler per intent. */
public interface IntentHandler {

    Intent intent();

    Outcome handle(TurnContext ctx, Classification classification);
}
