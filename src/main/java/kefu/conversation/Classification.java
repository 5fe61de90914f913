package kefu.conversation;

import java.util.Map;

/** What the buyer seems to want, how sure the recogniser is, and what it picked out (order number, phone...). */
public record Classification(Intent intent, double confidence, Map<String, String> entities) {

    public Classification {
        entities = entities == null ? Map.of() : Map.copyOf(entities);
    }

    public static Classification of(Intent intent, double confidence) {
        return new Classification(intent, confidence, Map.of());
    }

    public String entity(String name) {
        return entities.get(name);
    }
}
