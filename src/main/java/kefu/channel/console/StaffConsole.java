package kefu.channel.console;

/** Handles {@code chat --json} lines spoken as staff ({@code {"staff":..,"user":..}}); returns the output line. */
public interface StaffConsole {

    String handle(ChatInput input);

    /** The same console for the users of one chat session. */
    StaffConsole inSession(CliKeys keys);
}
