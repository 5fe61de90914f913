package kefu.channel.console;

import kefu.conversation.ConversationBusyException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;

/**
 * The scripted chat: one JSON object in per line, exactly one JSON object out per line, until end of input.
 * Bad lines get an error line and the session goes on.
 */
public final class JsonChat {

    /** Longer lines are answered with an error without being parsed. */
    static final int MAX_LINE_CHARS = 256 * 1024;

    private final ChatLineCodec codec;
    private final ChatTurns turns;
    private final StaffConsole staff;
    /** Prints what reaches this run's users outside their turns; null without {@code --follow}. */
    private final CliFollower follower;

    public JsonChat(ChatLineCodec codec, ChatTurns turns, StaffConsole staff, CliFollower follower) {
        this.codec = codec;
        this.turns = turns;
        this.staff = staff;
        this.follower = follower;
    }

    public void run(Reader in, PrintStream out) throws IOException, InterruptedException {
        if (follower != null) {
            follower.start(CliFollower.jsonLines(codec, out));
        }
        BoundedLineReader lines = new BoundedLineReader(in, MAX_LINE_CHARS);
        BoundedLineReader.Line line;
        while ((line = lines.next()) != null) {
            if (line.text().isBlank() && !line.truncated()) {
                continue;
            }
            String answer = answer(line);
            synchronized (out) {
                out.println(answer);
                out.flush();
            }
        }
        if (follower != null) {
            follower.stop();
        }
    }

    private String answer(BoundedLineReader.Line line) {
        if (line.truncated()) {
            return codec.error(null, "too_long", "line longer than " + MAX_LINE_CHARS + " characters");
        }
        ChatInput input;
        try {
            input = codec.parse(line.text());
        } catch (ChatLineCodec.BadLine e) {
            return codec.error(e.user(), e.code(), e.getMessage());
        }
        if (follower != null) {
            follower.watch(input.user());
        }
        try {
            if (input.fromStaff()) {
                return staff.handle(input);
            }
            return codec.result(input.user(), turns.buyer(input));
        } catch (ChatTurns.BadPhoto e) {
            return codec.error(input.user(), "bad_photo", e.getMessage());
        } catch (ConversationBusyException e) {
            return codec.error(input.user(), "busy", "the conversation is busy, try again");
        } catch (RuntimeException e) {
            return codec.error(input.user(), "internal", e.getClass().getSimpleName());
        }
    }
}
