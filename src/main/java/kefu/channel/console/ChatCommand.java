package kefu.channel.console;

import kefu.app.CliCommand;
import kefu.conversation.ReplyTexts;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code chat} (terminal chat) and {@code chat --json} (one JSON object per line, for scripts and checks). */
public final class ChatCommand implements CliCommand {

    /** How often {@code --follow} looks for messages sent from elsewhere. */
    private static final java.time.Duration FOLLOW_EVERY = java.time.Duration.ofMillis(500);

    private final ChatLineCodec codec;
    private final ChatTurns turns;
    private final StaffConsole staff;
    private final ReplyTexts texts;
    private final CliInbox inbox;

    public ChatCommand(ChatLineCodec codec, ChatTurns turns, StaffConsole staff, ReplyTexts texts, CliInbox inbox) {
        this.texts = texts;
        this.codec = codec;
        this.turns = turns;
        this.staff = staff;
        this.inbox = inbox;
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String summary() {
        return "chat with the bot in the terminal; --json: one JSON object per line on stdin/stdout; "
                + "--follow (with --json): also print what staff or the shop send meanwhile (the interactive chat always "
                + "does); "
                + "--user NAME; --session NAME continues an earlier run's conversations";
    }

    @Override
    public int run(List<String> args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var in = new InputStreamReader(System.in, StandardCharsets.UTF_8);
        CliKeys session;
        try {
            session = new CliKeys(option(args, "--session").orElseGet(ChatCommand::freshSession));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        ChatTurns sessionTurns = turns.inSession(session);
        if (args.contains("--json")) {
            CliFollower follower = args.contains("--follow")
                    ? new CliFollower(inbox, session, FOLLOW_EVERY) : null;
            new JsonChat(codec, sessionTurns, staff.inSession(session), follower).run(in, out);
        } else {
            String user = option(args, "--user").orElse("console");
            System.err.println("session " + session.session() + " (continue it later with --session "
                    + session.session() + ")");
            // A person at the terminal sees staff replies and notices as they come, between their own lines.
            new InteractiveChat(sessionTurns, texts, new CliFollower(inbox, session, FOLLOW_EVERY))
                    .run(new BufferedReader(in), out, user);
        }
        return 0;
    }

    private static Optional<String> option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
    }

    private static String freshSession() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
