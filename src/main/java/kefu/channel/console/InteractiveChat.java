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
import java.util.concurrent.atomic.AtomicReference;

/**
 * A terminal chat with the bot, as one buyer. Buttons are numbered; typing the number presses it. What staff or
 * the shop send meanwhile (a reply from the web desk, a ticket's new status) is printed as it comes, and the
 * prompt shown again.
 */
public final class InteractiveChat {

    private final ChatTurns turns;
    private final ReplyTexts texts;
    private final CliFollower follower;
    /** The buttons last shown, numbered from 1: those of the last turn or of a message pushed since. */
    private final AtomicReference<List<Button>> shown = new AtomicReference<>(List.of());

    public InteractiveChat(ChatTurns turns, ReplyTexts texts, CliFollower follower) {
        this.turns = turns;
        this.texts = texts;
        this.follower = follower;
    }

    public void run(BufferedReader in, PrintStream out, String user) throws IOException, InterruptedException {
        out.println(text("terminal.intro"));
        follower.watch(user);
        follower.start(new CliFollower.Sink() {
            @Override
            public void pushed(String who, List<Reply> replies) {
                synchronized (out) {
                    out.println();
                    shown.set(print(out, replies)); // a rating request's buttons can be pressed by number
                    out.print(text("terminal.you"));
                    out.flush();
                }
            }

            @Override
            public void failed(String who, RuntimeException e) {
                // The chat goes on; messages from staff are looked for again at the next poll.
            }
        });
        try {
            converse(in, out, user);
        } finally {
            follower.stop();
        }
    }

    private void converse(BufferedReader in, PrintStream out, String user) throws IOException {
        while (true) {
            synchronized (out) {
                out.print(text("terminal.you"));
                out.flush();
            }
            String line = in.readLine();
            if (line == null || line.strip().equals("/quit")) {
                return;
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            ChatInput input = toInput(user, line, shown.get());
            try {
                TurnResult result = turns.buyer(input);
                synchronized (out) {
                    shown.set(print(out, result.replies()));
                }
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

    private List<Button> print(PrintStream out, List<Reply> replies) {
        List<Button> buttons = new ArrayList<>();
        String bot = text("terminal.bot");
        String indent = " ".repeat(bot.length() + 2);
        for (Reply reply : replies) {
            out.println(bot + reply.text().replace("\n", "\n" + indent));
            for (Button b : reply.buttons()) {
                buttons.add(b);
                out.println(indent + "[" + buttons.size() + "] " + b.label());
            }
        }
        return buttons;
    }
}
