package kefu.conversation;

/**
 * A button under a reply. {@code data} is {@code action:argument}, at most 64 bytes (Telegram's limit),
 * and is only honoured when the bot offered it to this buyer.
 */
public record Button(String label, String data) {

    public static final int MAX_DATA_BYTES = 64;

    public Button {
        if (data == null || data.isEmpty()
                || data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("button data must be 1-64 bytes: " + data);
        }
    }

    public static Button of(String label, String action, String argument) {
        return new Button(label, argument == null || argument.isEmpty() ? action : action + ":" + argument);
    }
}
