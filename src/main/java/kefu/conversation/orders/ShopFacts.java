package kefu.conversation.orders;

import kefu.conversation.ConversationState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order facts a conversation keeps (comma-separated lists). The orders flows own these keys; other capabilities
 * (the staff summary card, the classifier) read them through this class only.
 */
public final class ShopFacts {

    public static final String ACCOUNT = "shop.account";
    public static final String VERIFIED = "shop.verified";
    public static final String MENTIONED = "shop.mentioned";
    public static final String TICKETS = "shop.tickets";
    public static final String URGES = "shop.urges";
    /** Wrong bind codes in this conversation: {@code <count>:<epoch second of the first>}. */
    static final String BIND_FAILURES = "shop.bind_failures";

    private static final int KEEP = 20;
    private static final int KEEP_MENTIONED = 5;

    private ShopFacts() {
    }

    public static List<String> list(ConversationState state, String fact) {
        String v = state.fact(fact);
        return v == null || v.isBlank() ? List.of() : Arrays.asList(v.split(","));
    }

    public static boolean contains(ConversationState state, String fact, String value) {
        return list(state, fact).contains(value);
    }

    /** Appends {@code value} (moving it to the end if present), keeping the newest entries only. */
    static ConversationState add(ConversationState state, String fact, String value) {
        List<String> next = new ArrayList<>(list(state, fact));
        next.remove(value);
        next.add(value);
        int keep = MENTIONED.equals(fact) ? KEEP_MENTIONED : KEEP;
        List<String> kept = next.subList(Math.max(0, next.size() - keep), next.size());
        return state.withFact(fact, String.join(",", kept));
    }
}
