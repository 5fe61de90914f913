package kefu.channel.console;

/** Used until a staff desk is configured: staff lines get an error line. */
public final class NoStaffConsole implements StaffConsole {

    private final ChatLineCodec codec;

    public NoStaffConsole(ChatLineCodec codec) {
        this.codec = codec;
    }

    @Override
    public String handle(ChatInput input) {
        return codec.error(input.user(), "unsupported", "staff takeover is not available");
    }
}
