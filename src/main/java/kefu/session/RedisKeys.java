package kefu.session;

import kefu.conversation.ConversationKey;

/**
 * Names of the keys kept per conversation. The buyer part is in braces so that all of one buyer's keys
 * land in the same Redis Cluster slot and a script may touch them together.
 */
public record RedisKeys(String prefix) {

    public String state(ConversationKey key) {
        return prefix + "conv:{" + key.asString() + "}";
    }

    public String lock(ConversationKey key) {
        return prefix + "lock:{" + key.asString() + "}";
    }

    public String seen(ConversationKey key, String messageId) {
        return prefix + "seen:{" + key.asString() + "}:" + messageId;
    }

    public String transcript(ConversationKey key) {
        return prefix + "transcript:{" + key.asString() + "}";
    }

    public String turnCounter(ConversationKey key) {
        return prefix + "turns:{" + key.asString() + "}";
    }

    /**
     * Present while the buyer is banned: a flag per buyer, in the buyer's slot, so the turn script can read it.
     * Its value says why, who and when; a temporary (flood) ban has a TTL.
     */
    public String banned(ConversationKey key) {
        return prefix + "banned:{" + key.asString() + "}";
    }

    /** The one set of banned buyers kept before the per-buyer flags; read once to move them over. */
    public String legacyBannedSet() {
        return prefix + "banned";
    }

    /** How often a buyer went over the flood limit lately (strikes toward a temporary ban). */
    public String floodStrikes(ConversationKey key) {
        return prefix + "strikes:{" + key.asString() + "}";
    }

    /** A key for a capability's own data, e.g. {@code named("ratelimit", "tg:1")}. */
    public String named(String kind, String id) {
        return prefix + kind + ":" + id;
    }
}
