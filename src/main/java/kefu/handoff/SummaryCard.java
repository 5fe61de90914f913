package kefu.handoff;

import kefu.conversation.Button;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.HistoryEntry;
import kefu.conversation.Intent;
import kefu.conversation.orders.ShopFacts;
import kefu.privacy.Masking;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What staff see about a buyer: the thread title (masked id, intent, order number), the summary card with
 * the shop facts and the last transcript lines, and the card's buttons (接手 / 结束).
 */
public final class SummaryCard {

    public static final String CLAIM = "staff:claim";
    public static final String CLOSE = "staff:close";

    private static final int LINE_CHARS = 120;
    private static final int BOT_LINE_CHARS = 60;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final StaffTexts texts;
    private final ZoneId zone;

    public SummaryCard(StaffTexts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    public String title(ConversationKey buyer, ConversationState state, Intent intent) {
        String order = lastOrder(state);
        return texts.say("handoff.staff.title", Map.of("buyer", masked(buyer), "intent", intentName(intent),
                "order", order == null ? texts.say("handoff.staff.no_order") : order));
    }

    /**
     * The card leads with who and why (the reason and the message that led here), then the orders in play in
     * words, open tickets and urges, then the last transcript lines. Contacts the buyer typed are masked.
     *
     * @param queueLine where the buyer stands ("第 2 位" or "非工作时间")
     * @param trigger   the buyer's message that led to the escalation (null: none, e.g. staff stepping in)
     * @param orders    one line per order in play, status in words
     */
    public String card(ConversationKey buyer, ConversationState state, Intent intent, String reason, String queueLine,
                       String trigger, List<String> orders, List<HistoryEntry> lastLines) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("buyer", masked(buyer));
        vars.put("channel", buyer.channel());
        vars.put("lang", texts.say("handoff.staff.lang." + state.lang().name().toLowerCase(java.util.Locale.ROOT)));
        vars.put("reason", reasonName(reason));
        vars.put("intent", intentName(intent));
        vars.put("trigger", trigger == null || trigger.isBlank() ? texts.say("handoff.staff.none")
                : oneLine(Masking.inText(trigger), LINE_CHARS));
        vars.put("account", orNone(state.fact(ShopFacts.ACCOUNT)));
        vars.put("orders", orders.isEmpty() ? texts.say("handoff.staff.none") : String.join("\n", orders));
        vars.put("mentioned", orNone(state.fact(ShopFacts.MENTIONED)));
        vars.put("verified", orNone(state.fact(ShopFacts.VERIFIED)));
        vars.put("tickets", orNone(state.fact(ShopFacts.TICKETS)));
        vars.put("urges", orNone(state.fact(ShopFacts.URGES)));
        vars.put("queue", queueLine);
        vars.put("transcript", lines(lastLines));
        return texts.say("handoff.staff.card", vars);
    }

    /** The staff commands, shown once per thread (with its first card). */
    public String help() {
        return texts.say("handoff.staff.card_help");
    }

    /** The orders the buyer mentioned or proved, most recent last, without repeats. */
    static List<String> ordersInPlay(ConversationState state, int max) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        for (String fact : List.of(ShopFacts.VERIFIED, ShopFacts.MENTIONED)) {
            String list = state.fact(fact);
            if (list != null) {
                for (String o : list.split(",")) {
                    if (!o.isBlank()) {
                        all.add(o.strip());
                    }
                }
            }
        }
        List<String> ordered = List.copyOf(all);
        return ordered.subList(Math.max(0, ordered.size() - max), ordered.size());
    }

    public List<Button> buttons() {
        return List.of(new Button(texts.say("handoff.staff.button.claim"), CLAIM),
                new Button(texts.say("handoff.staff.button.close"), CLOSE));
    }

    /** Transcript lines as staff read them: {@code 10:02 买家：……}. */
    public String lines(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return texts.say("handoff.staff.no_transcript");
        }
        StringBuilder out = new StringBuilder();
        for (HistoryEntry e : entries) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String role = texts.has("handoff.staff.role." + e.role()) ? texts.say("handoff.staff.role." + e.role()) : e.role();
            // The bot's own long answers (help articles) are cut to their first line: staff know them.
            String text = HistoryEntry.BOT.equals(e.role()) ? firstLine(e.text()) : e.text();
            out.append(e.at() == null ? "--:--" : HH_MM.format(e.at().atZone(zone))).append(' ')
                    .append(role).append('：').append(oneLine(Masking.inText(text), LINE_CHARS));
        }
        return out.toString();
    }

    /** A transcript line on one line, clipped: the card stays readable on a phone. */
    private static String oneLine(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ⏎ ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        int nl = t.indexOf('\n');
        String first = nl < 0 ? t : t.substring(0, nl).strip() + " …";
        return first.length() <= BOT_LINE_CHARS ? first : first.substring(0, BOT_LINE_CHARS) + "…";
    }

    public String intentName(Intent intent) {
        return intent == null ? "-" : texts.say("handoff.staff.intent." + intent.wireName());
    }

    public String reasonName(String reason) {
        String key = "handoff.staff.reason." + reason;
        return texts.has(key) ? texts.say(key) : reason;
    }

    /** A buyer id staff can tell apart without reading it in full: {@code tg:12****89}. */
    public static String masked(ConversationKey buyer) {
        String id = buyer.userId();
        String shown = id.length() <= 4 ? id.charAt(0) + "***"
                : id.substring(0, 2) + "*".repeat(Math.min(4, id.length() - 4)) + id.substring(id.length() - 2);
        return buyer.channel() + ":" + shown;
    }

    static String lastOrder(ConversationState state) {
        for (String fact : List.of(ShopFacts.MENTIONED, ShopFacts.VERIFIED)) {
            String all = state.fact(fact);
            if (all != null && !all.isBlank()) {
                String[] orders = all.split(",");
                return orders[orders.length - 1].strip();
            }
        }
        return null;
    }

    private String orNone(String value) {
        return value == null || value.isBlank() ? texts.say("handoff.staff.none") : value;
    }
}
