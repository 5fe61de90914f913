package kefu.conversation;


/** Decides what a typed message asks for. */
public interface IntentClassifier {

    Classification classify(TurnContext ctx);
}
