package kefu.conversation;

/**
 * One thing a buyer did: typed text, pressed a button, sent a photo, or sent voice, video or a sticker
 * ({@code media}: not read by the bot, passed on to staff whole).
 * {@code messageId} is the channel's id for de-duplication; null when the channel has none.
 * {@code languageHint} is the language the channel knows the buyer uses (a Telegram app's language), or null:
 * it only sets the language a new conversation starts in; what the buyer writes decides after that.
 * {@code asWritten} is the text before the engine normalised it for understanding (null: the same as
 * {@code text}); what is shown to people (relayed to staff) starts from it.
 */
public record Turn(ConversationKey key, String messageId, ChatType chatType,
                   String text, String button, Attachment attachment, Lang languageHint, String asWritten,
                   Media media) {

    public Turn(ConversationKey key, String messageId, ChatType chatType, String text, String button,
                Attachment attachment, Lang languageHint, String asWritten) {
        this(key, messageId, chatType, text, button, attachment, languageHint, asWritten, null);
    }

    public Turn(ConversationKey key, String messageId, ChatType chatType, String text, String button,
                Attachment attachment, Lang languageHint) {
        this(key, messageId, chatType, text, button, attachment, languageHint, null, null);
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

    /** Voice, video or a sticker, with its caption (null: none). */
    public static Turn media(ConversationKey key, String messageId, Media media, String caption) {
        return new Turn(key, messageId, ChatType.PRIVATE, caption, null, null, null, null, media);
    }

    public Turn inChat(ChatType type) {
        return new Turn(key, messageId, type, text, button, attachment, languageHint, asWritten, media);
    }

    public Turn withLanguageHint(Lang hint) {
        return new Turn(key, messageId, chatType, text, button, attachment, hint, asWritten, media);
    }

    /** The same turn with only part of its text: one of two requests in a message. */
    public Turn withText(String part) {
        return new Turn(key, messageId, chatType, part, button, attachment, languageHint, null, media);
    }

    /** The same turn with its text normalised for understanding; {@code asWritten} keeps the original. */
    public Turn withNormalizedText(String normalized) {
        return new Turn(key, messageId, chatType, normalized, button, attachment, languageHint, text, media);
    }

    /** The same button press with cleaned data. */
    public Turn withButton(String data) {
        return new Turn(key, messageId, chatType, text, data, attachment, languageHint, asWritten, media);
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
