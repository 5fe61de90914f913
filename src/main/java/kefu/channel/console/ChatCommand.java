package kefu.channel.console;

import kefu.app.CliCommand;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code chat} (terminal chat) and {@code chat --json} (one JSON object per line, for scripts and checks). */
public final class ChatCommand implements CliCommand {

    private final JsonChat jsonChat;
    private final InteractiveChat interactive;

    public ChatCommand(JsonChat jsonChat, InteractiveChat interactive) {
        this.jsonChat = jsonChat;
        this.interactive = interactive;
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String summary() {
        return "chat with the bot in the terminal; --json: one JSON object per line on stdin/stdout; --user NAME";
    }

    @Override
    public int run(List<String> args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var in = new InputStreamReader(System.in, StandardCharsets.UTF_8);
        if (args.contains("--json")) {
            jsonChat.run(in, out);
        } else {
            int u = args.indexOf("--user");
            String user = u >= 0 && u + 1 < args.size() ? args.get(u + 1) : "console";
            interactive.run(new BufferedReader(in), out, user);
        }
        return 0;
    }
}
