package kefu.nlu;

import kefu.conversation.Classification;
import kefu.conversation.TurnContext;

/** Decides what a typed message asks for. */
public interface IntentClassifier {

    Classification classify(TurnContext ctx);
}
