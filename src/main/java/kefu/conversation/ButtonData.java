package kefu.conversation;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Button data as a client sent it is untrusted text: a forged press can carry newlines, direction overrides or
 * terminal escapes meant to fake a line in the staff thread. It is cleaned like typed text — NFKC, no control,
 * format or private-use characters, whitespace runs as one space — and cut to {@link Button#MAX_DATA_BYTES}.
 */
public final class ButtonData {

    private ButtonData() {
    }

    public static String clean(String data) {
        if (data == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int cp : Normalizer.normalize(data, Normalizer.Form.NFKC).codePoints().toArray()) {
            int kind = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\n' || cp == '\r') {
                space = out.length() > 0;
                continue;
            }
            if (kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.PRIVATE_USE
                    || kind == Character.SURROGATE || kind == Character.UNASSIGNED) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            int before = out.length();
            out.appendCodePoint(cp);
            if (out.toString().getBytes(StandardCharsets.UTF_8).length > Button.MAX_DATA_BYTES) {
                out.setLength(before);
                break;
            }
        }
        return out.toString();
    }
}
