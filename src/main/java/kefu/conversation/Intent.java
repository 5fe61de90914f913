package kefu.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** The fixed set of things a buyer can want; the wire names are part of the CLI contract. */
public enum Intent {
    GREETING("greeting"),
    FAQ("faq"),
    ORDER_STATUS("order_status"),
    URGE_ORDER("urge_order"),
    AFTER_SALES("after_sales"),
    CANCEL_ORDER("cancel_order"),
    HUMAN_HANDOFF("human_handoff"),
    FALLBACK("fallback");

    private final String wireName;

    Intent(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Intent fromWireName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown intent: " + name));
    }

    public static Optional<Intent> find(String name) {
        return Arrays.stream(values()).filter(i -> i.wireName.equals(name)).findFirst();
    }
}
