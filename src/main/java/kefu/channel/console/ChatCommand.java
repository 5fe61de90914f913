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

    private final ChatLineCodec codec;
    private final ChatTurns turns;
    private final StaffConsole staff;
    private final ReplyTexts texts;

    public ChatCommand(ChatLineCodec codec, ChatTurns turns, StaffConsole staff, ReplyTexts texts) {
        this.texts = texts;
        this.codec = codec;
        this.turns = turns;
        this.staff = staff;
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String summary() {
        return "chat with the bot in the terminal; --json: one JSON object per line on stdin/stdout; "
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
            new JsonChat(codec, sessionTurns, staff.inSession(session)).run(in, out);
        } else {
            String user = option(args, "--user").orElse("console");
            System.err.println("session " + session.session() + " (continue it later with --session "
                    + session.session() + ")");
            new InteractiveChat(sessionTurns, texts).run(new BufferedReader(in), out, user);
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
