package kefu.conversation;

/**
 * One thing a buyer did: typed text, pressed a button or sent a photo.
 * {@code messageId} is the channel's id for de-duplication; null when the channel has none.
 * {@code languageHint} is the language the channel knows the buyer uses (a Telegram app's language), or null:
 * it only sets the language a new conversation starts in; what the buyer writes decides after that.
 * {@code asWritten} is the text before the engine normalised it for understanding (null: the same as
 * {@code text}); what is shown to people (relayed to staff) starts from it.
 */
public record Turn(ConversationKey key, String messageId, ChatType chatType,
                   String text, String button, Attachment attachment, Lang languageHint, String asWritten) {

    public Turn(ConversationKey key, String messageId, ChatType chatType, String text, String button,
                Attachment attachment, Lang languageHint) {
        this(key, messageId, chatType, text, button, attachment, languageHint, null);
    }

    public static Turn text(ConversationKey key, String messageId, String text) {
        return new Turn(key, messageId, ChatType.PRIVATE, text, null, null, null);
    }

    public static Turn button(ConversationKey key, String messageId, String data) {
        return new Turn(key, messageId, ChatType.PRIVATE, null, data, null, null);
    }

    public static Turn attachment(ConversationKey key, String messageId, Attachment attachment, String caption) {
        return new Turn(key, messageId, ChatType.PRIVATE, caption, null, attachment, null);
    }

    public Turn inChat(ChatType type) {
        return new Turn(key, messageId, type, text, button, attachment, languageHint, asWritten);
    }

    public Turn withLanguageHint(Lang hint) {
        return new Turn(key, messageId, chatType, text, button, attachment, hint, asWritten);
    }

    /** The language to read this turn in, when nothing said so far decides it. */
    public Lang startingLanguage(ConversationState state) {
        return languageHint != null && state.history().isEmpty() ? languageHint : state.lang();
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public boolean isButton() {
        return button != null;
    }

    public boolean isPrivate() {
        return chatType == ChatType.PRIVATE;
    }

    /** The text as the buyer wrote it (line breaks, full-width punctuation), never null. */
    public String writtenText() {
        return asWritten != null ? asWritten : trimmedText();
    }

    /** The text with surrounding blanks removed, never null. */
    public String trimmedText() {
        return text == null ? "" : text.strip();
    }
}
