package kefu.channel.console;

/**
 * One line of {@code chat --json} input: a buyer's text, button press or photo, or (with {@code staff})
 * a staff member speaking to or acting on a buyer's conversation.
 */
public record ChatInput(String user, String text, String button, String photo, String caption, String id,
                        String staff, String command) {

    public boolean fromStaff() {
        return staff != null;
    }
}
