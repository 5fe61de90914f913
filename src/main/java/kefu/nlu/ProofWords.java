package kefu.nlu;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a buyer names a proof of ownership next to an order number ({@code proof-words} in {@code bot/dialogue.yml}):
 * each pattern's group {@code proof} is the proof.
 *
 * @param lastDigits the last digits of the buyer's phone, named as such ("尾号5678"); tried before a phone or email
 * @param password   the order's query password, named as such; tried after them
 */
public record ProofWords(List<Pattern> lastDigits, List<Pattern> password) {

    public ProofWords {
        lastDigits = List.copyOf(lastDigits);
        password = List.copyOf(password);
    }
}
