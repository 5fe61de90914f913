package kefu.channel.console;

import kefu.conversation.Button;
import kefu.conversation.Lang;
import kefu.conversation.Reply;
import kefu.conversation.ReplyTexts;
import kefu.conversation.TurnResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A terminal chat with the bot, as one buyer. Buttons are numbered; typing the number presses it. */
public final class InteractiveChat {

    private final ChatTurns turns;
    private final ReplyTexts texts;

    public InteractiveChat(ChatTurns turns, ReplyTexts texts) {
        this.turns = turns;
        this.texts = texts;
    }

    public void run(BufferedReader in, PrintStream out, String user) throws IOException {
        out.println(text("terminal.intro"));
        List<Button> shown = List.of();
        while (true) {
            out.print(text("terminal.you"));
            out.flush();
            String line = in.readLine();
            if (line == null || line.strip().equals("/quit")) {
                return;
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            ChatInput input = toInput(user, line, shown);
            try {
                TurnResult result = turns.buyer(input);
                shown = print(out, result);
            } catch (ChatTurns.BadPhoto e) {
                out.println("  (" + e.getMessage() + ")");
            }
        }
    }

    private static ChatInput toInput(String user, String line, List<Button> shown) {
        if (line.matches("\\d{1,2}")) {
            int n = Integer.parseInt(line);
            if (n >= 1 && n <= shown.size()) {
                return new ChatInput(user, null, shown.get(n - 1).data(), null, null, null, null, null);
            }
        }
        if (line.startsWith("/photo ")) {
            return new ChatInput(user, null, null, line.substring(7).strip(), null, null, null, null);
        }
        return new ChatInput(user, line, null, null, null, null, null, null);
    }

    private String text(String key) {
        return texts.get(key, Lang.ZH, Map.of());
    }

    private List<Button> print(PrintStream out, TurnResult result) {
        List<Button> buttons = new ArrayList<>();
        String bot = text("terminal.bot");
        String indent = " ".repeat(bot.length() + 2);
        for (Reply reply : result.replies()) {
            out.println(bot + reply.text().replace("\n", "\n" + indent));
            for (Button b : reply.buttons()) {
                buttons.add(b);
                out.println(indent + "[" + buttons.size() + "] " + b.label());
            }
        }
        return buttons;
    }
}
