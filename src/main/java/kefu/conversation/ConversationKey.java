package kefu.conversation;

import java.util.Objects;

/** Identifies one buyer's conversation on one channel, e.g. {@code tg:123456} or {@code cli:u1}. */
public record ConversationKey(String channel, String userId) {

    public ConversationKey {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(userId, "userId");
        if (channel.isBlank() || userId.isBlank()) {
            throw new IllegalArgumentException("channel and user id must not be blank");
        }
    }

    public String asString() {
        return channel + ":" + userId;
    }

    public static ConversationKey parse(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("not a conversation key: " + value);
        }
        return new ConversationKey(value.substring(0, colon), value.substring(colon + 1));
    }

    @Override
    public String toString() {
        return asString();
    }
}
