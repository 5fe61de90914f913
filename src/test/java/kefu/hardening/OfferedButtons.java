package kefu.hardening;

import kefu.conversation.Button;
import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.conversation.TurnResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The buttons the bot really offered during a fuzz run, and presses drawn from them: mostly the buyer's own
 * latest buttons (so real handlers run), and some forged ones (another buyer's button, an old one, or real
 * data with its argument or action mutated) carrying hostile values.
 */
final class OfferedButtons {

    /** What kind of press was drawn, so the test can check each kind was exercised. */
    enum Kind { OWN, OLD, OTHER_BUYERS, MUTATED }

    record Press(Kind kind, String data) {
        String action() {
            int colon = data.indexOf(':');
            return colon < 0 ? data : data.substring(0, colon);
        }
    }

    private final Map<ConversationKey, List<String>> latest = new HashMap<>();
    private final Map<ConversationKey, Set<String>> ever = new HashMap<>();
    private final List<String> all = new ArrayList<>();

    /** Remembers the buttons of a turn's replies; a buyer's latest buttons are those of their last answered turn. */
    void record(ConversationKey buyer, TurnResult result) {
        List<String> data = result.replies().stream().map(Reply::buttons).flatMap(List::stream).map(Button::data)
                .toList();
        if (data.isEmpty()) {
            return;
        }
        latest.put(buyer, data);
        ever.computeIfAbsent(buyer, k -> new HashSet<>()).addAll(data);
        all.addAll(data);
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** Whether the bot ever offered {@code data} to {@code buyer}. */
    boolean offeredTo(ConversationKey buyer, String data) {
        return ever.getOrDefault(buyer, Set.of()).contains(data);
    }

    /** A press for {@code buyer}; call only when something was offered. */
    Press draw(ConversationKey buyer, Random random, Function<Integer, String> hostileText) {
        List<String> own = latest.getOrDefault(buyer, List.of());
        int roll = random.nextInt(100);
        if (roll < 55 && !own.isEmpty()) {
            return new Press(Kind.OWN, pick(own, random));
        }
        if (roll < 65 && ever.containsKey(buyer)) {
            return new Press(Kind.OLD, pick(new ArrayList<>(ever.get(buyer)), random));
        }
        if (roll < 80) {
            return new Press(Kind.OTHER_BUYERS, pick(all, random));
        }
        String base = own.isEmpty() ? pick(all, random) : pick(own, random);
        return new Press(Kind.MUTATED, mutate(base, random, hostileText));
    }

    private String mutate(String data, Random random, Function<Integer, String> hostileText) {
        int colon = data.indexOf(':');
        String action = colon < 0 ? data : data.substring(0, colon);
        String argument = colon < 0 ? "" : data.substring(colon + 1);
        String other = pick(all, random);
        String mutated = switch (random.nextInt(8)) {
            case 0 -> action + ":" + hostileText.apply(30);
            case 1 -> action + ":" + argument.substring(0, argument.lastIndexOf(':') + 1) + hostileText.apply(20);
            case 2 -> action + ":" + (random.nextBoolean() ? "K9999999999999" : "K2026112400012");
            case 3 -> data.substring(0, random.nextInt(data.length()) + 1);
            case 4 -> data + ":" + hostileText.apply(10);
            case 5 -> other.substring(0, Math.max(1, other.indexOf(':'))) + ":" + argument;
            case 6 -> action + ":" + argument.replaceAll("\\d", String.valueOf(random.nextInt(10)));
            default -> action + "::" + argument + "\u0000";
        };
        return fits(mutated) ? mutated : data.substring(0, Math.max(1, data.length() - 1));
    }

    private static boolean fits(String data) {
        return !data.isEmpty() && data.getBytes(StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES;
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
