package kefu.conversation;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Everything the bot remembers about one conversation, stored as one JSON document in Redis.
 *
 * @param handover   who answers the buyer: the bot, the staff queue, a staff member, or closed by staff
 * @param flow       the guided form in progress (e.g. after-sales), or null
 * @param slots      what the current flow has collected so far; cleared when the flow ends
 * @param facts      what outlives a flow: bound shop account, verified orders, counters
 * @param history    the last turns, newest last, for context and for staff taking over
 * @param offeredButtons button data the bot showed most recently; any other press is stale or forged
 * @param dialogue   what the conversation is about now: the order in focus, the last article, kept screenshots
 * @param afterSales the after-sales form being filled (flow {@code after_sales}) or set aside for later, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConversationState(Lang lang, @JsonAlias("owner") Handover handover, String flow, Map<String, String> slots,
                                Map<String, String> facts, List<HistoryEntry> history,
                                int fallbackStreak, List<String> offeredButtons, Instant updatedAt,
                                DialogueContext dialogue, AfterSalesDraft afterSales) {

    private static final int MAX_OFFERED_BUTTONS = 40;

    public ConversationState {
        lang = lang == null ? Lang.ZH : lang;
        handover = handover == null ? Handover.BOT : handover;
        slots = slots == null ? Map.of() : Map.copyOf(slots);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        history = history == null ? List.of() : List.copyOf(history);
        offeredButtons = offeredButtons == null ? List.of() : List.copyOf(offeredButtons);
        dialogue = dialogue == null ? DialogueContext.empty() : dialogue;
    }

    public static ConversationState fresh() {
        return new ConversationState(Lang.ZH, Handover.BOT, null, Map.of(), Map.of(), List.of(), 0, List.of(), null,
                null,
                null);
    }

    public boolean botOwned() {
        return !handover.withHumans();
    }

    public boolean inFlow() {
        return flow != null;
    }

    public String slot(String name) {
        return slots.get(name);
    }

    public String fact(String name) {
        return facts.get(name);
    }

    public ConversationState withLang(Lang value) {
        return new ConversationState(value, handover, flow, slots, facts, history, fallbackStreak, offeredButtons,
                updatedAt, dialogue, afterSales);
    }

    public ConversationState withHandover(Handover value) {
        return new ConversationState(lang, value, flow, slots, facts, history, fallbackStreak, offeredButtons,
                updatedAt, dialogue, afterSales);
    }

    /** Enters a guided flow with empty slots (a flow already in progress is abandoned). */
    public ConversationState startFlow(String name) {
        return new ConversationState(lang, handover, name, Map.of(), facts, history, fallbackStreak, offeredButtons,
                updatedAt, dialogue, afterSales);
    }

    public ConversationState endFlow() {
        return new ConversationState(lang, handover, null, Map.of(), facts, history, fallbackStreak, offeredButtons,
                updatedAt, dialogue, afterSales);
    }

    public ConversationState withSlot(String name, String value) {
        return new ConversationState(lang, handover, flow, put(slots, name, value), facts, history, fallbackStreak,
                offeredButtons, updatedAt, dialogue, afterSales);
    }

    public ConversationState withFact(String name, String value) {
        return new ConversationState(lang, handover, flow, slots, put(facts, name, value), history, fallbackStreak,
                offeredButtons, updatedAt, dialogue, afterSales);
    }

    public ConversationState withFallbackStreak(int value) {
        return new ConversationState(lang, handover, flow, slots, facts, history, value, offeredButtons, updatedAt,
                dialogue, afterSales);
    }

    public ConversationState withHistory(HistoryEntry entry, int keep) {
        List<HistoryEntry> next = new ArrayList<>(history);
        next.add(entry);
        int from = Math.max(0, next.size() - keep);
        return new ConversationState(lang, handover, flow, slots, facts, next.subList(from, next.size()),
                fallbackStreak, offeredButtons, updatedAt, dialogue, afterSales);
    }

    /** Remembers newly shown buttons (newest kept) so a later press can be checked against them. */
    public ConversationState withOfferedButtons(List<String> shown) {
        if (shown.isEmpty()) {
            return this;
        }
        LinkedHashSet<String> merged = new LinkedHashSet<>(offeredButtons);
        merged.removeAll(shown);
        merged.addAll(shown);
        List<String> all = new ArrayList<>(merged);
        List<String> kept = all.subList(Math.max(0, all.size() - MAX_OFFERED_BUTTONS), all.size());
        return new ConversationState(lang, handover, flow, slots, facts, history, fallbackStreak, kept, updatedAt,
                dialogue, afterSales);
    }

    public ConversationState withDialogue(DialogueContext value) {
        return new ConversationState(lang, handover, flow, slots, facts, history, fallbackStreak, offeredButtons,
                updatedAt, value, afterSales);
    }

    public ConversationState withAfterSales(AfterSalesDraft value) {
        return new ConversationState(lang, handover, flow, slots, facts, history, fallbackStreak, offeredButtons,
                updatedAt, dialogue, value);
    }

    public ConversationState touchedAt(Instant at) {
        return new ConversationState(lang, handover, flow, slots, facts, history, fallbackStreak, offeredButtons, at,
                dialogue, afterSales);
    }

    private static Map<String, String> put(Map<String, String> map, String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(map);
        if (value == null) {
            next.remove(name);
        } else {
            next.put(name, value);
        }
        return next;
    }
}
