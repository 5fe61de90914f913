package kefu.conversation;

import java.util.Optional;

/** Finds the order number a buyer's text names (implemented by the nlu capability, shape set by the operator). */
public interface OrderNumbers {

    /** The entity name under which a {@link Classification} carries an order number. */
    String ENTITY = "order";

    /** The first order number in the text, upper-cased. */
    Optional<String> orderNumber(String text);
}
