package kefu.channel.telegram;

import java.util.ArrayList;
import java.util.List;

/** Cuts a text into Telegram-sized messages, at a line break or a space where possible, never inside a character. */
public final class MessageSplitter {

    public static final int TELEGRAM_MAX = 4096;

    private final int max;

    public MessageSplitter(int max) {
        this.max = max;
    }

    public List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 2) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut < max / 2) {
                cut = max;
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}
