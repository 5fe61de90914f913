package kefu.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Words that steer a conversation under way, as the operator wrote them in {@code bot/keywords.yml}: leaving a
 * form or the queue, coming back to a form, complaints, delivery notices on and off, and staff's ticket statuses.
 * A message matches a list when it is exactly one of its words, ignoring case and blanks.
 *
 * @param ticketStatus a ticket status ({@code processing}, {@code resolved}, {@code rejected}) → the words for it
 */
public record Keywords(Set<String> leaveFlow, Set<String> continueForm, Set<String> leaveQueue, List<String> complaint,
                       Set<String> noticesOff, Set<String> noticesOn, Map<String, List<String>> ticketStatus) {

    public Keywords {
        leaveFlow = normalSet(leaveFlow);
        continueForm = normalSet(continueForm);
        leaveQueue = normalSet(leaveQueue);
        complaint = complaint.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        noticesOff = normalSet(noticesOff);
        noticesOn = normalSet(noticesOn);
        ticketStatus = Map.copyOf(ticketStatus);
    }

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** Lower case, blanks removed: "Cancel " and "can cel" read alike. */
    public static String normal(String text) {
        return text == null ? "" : BLANKS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    public static boolean in(Set<String> words, String text) {
        return words.contains(normal(text));
    }

    public boolean complains(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return complaint.stream().anyMatch(t::contains);
    }

    /** The ticket status a staff word stands for, if any. */
    public Optional<String> ticketStatusOf(String word) {
        String w = normal(word);
        return ticketStatus.entrySet().stream()
                .filter(e -> e.getValue().stream().map(Keywords::normal).anyMatch(w::equals))
                .map(Map.Entry::getKey).findFirst();
    }

    private static Set<String> normalSet(Set<String> words) {
        return words.stream().map(Keywords::normal).collect(Collectors.toUnmodifiableSet());
    }
}
