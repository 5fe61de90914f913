package kefu.shop;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** The shop-independent order status every adapter maps its own status codes to. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, PROCESSING, DELIVERED, AWAITING_CLAIM, COMPLETED, AFTER_SALES, FAILED, CANCELLED, REFUNDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OrderStatus fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown order status: " + name));
    }

    /** Paid but not yet handed over: the only states in which a buyer may urge. */
    public boolean awaitsDelivery() {
        return this == PAID || this == PROCESSING;
    }
}
