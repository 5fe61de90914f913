package kefu.conversation;

/**
 * Voice, video, a sticker or another message the bot does not read, left where the buyer sent it: {@code ref}
 * is the channel's reference to it (on Telegram {@code <chat id>:<message id>}), so a staff desk on the same
 * channel can pass it on whole. {@code label} is what can be told about it without opening it (a sticker's
 * emoji, a recording's length), or empty.
 */
public record Media(Kind kind, String ref, String label) {

    public enum Kind {
        VOICE, VIDEO, VIDEO_NOTE, AUDIO, ANIMATION, STICKER;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Media {
        label = label == null ? "" : label;
    }
}
