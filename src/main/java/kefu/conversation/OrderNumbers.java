package kefu.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Finds the order numbers and proofs of ownership a buyer's text names (implemented by the nlu capability, the
 * order number's shape set by the operator), typed loosely ("k 2026 1124 00077", no prefix letter) or not.
 */
public interface OrderNumbers {

    /** The entity name under which a {@link Classification} carries an order number. */
    String ENTITY = "order";
    /** Entity: every order number of the message, comma-separated, in the order typed. */
    String ALL = "orders";
    /** Entity: a proof of ownership typed with the number ("尾号5678", a phone number, an email). */
    String PROOF = "proof";
    /** Entity: a long number of another shape, most likely another shop's order. */
    String FOREIGN = "foreign_order";

    /** The first order number in the text, upper-cased. */
    Optional<String> orderNumber(String text);

    /** Every order number in the text, upper-cased, each once. */
    List<String> orderNumbers(String text);

    /** A proof of ownership in the text, named as such or unmistakable (a phone number, an email). */
    Optional<String> proof(String text);
}
