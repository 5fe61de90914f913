package kefu.channel.console;

/** Handles {@code chat --json} lines spoken as staff ({@code {"staff":..,"user":..}}); returns the output line. */
public interface StaffConsole {

    String handle(ChatInput input);
}
