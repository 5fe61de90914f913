package kefu.nlu;

import kefu.conversation.TextNormalizer;

import java.text.Normalizer;

/**
 * Makes buyer text safe and comparable: NFKC (full-width digits and letters become ASCII), control and
 * invisible formatting characters removed (right-to-left overrides, zero-width joiners), runs of blanks folded.
 */
public final class UnicodeTextNormalizer implements TextNormalizer {

    @Override
    public String normalize(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean blank = false;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || cp == '\t' || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                blank = out.length() > 0;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                continue;
            }
            if (blank) {
                out.append(' ');
                blank = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /**
     * Text to show people as the buyer wrote it: line breaks, punctuation and width kept; control and invisible
     * formatting characters (direction overrides, zero-width joiners, escape sequences) removed, at most two
     * blank lines in a row.
     */
    public String forDisplay(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        for (int i = 0; i < unified.length(); ) {
            int cp = unified.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == '\n' || cp == '\t') {
                out.appendCodePoint(cp);
            } else if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append('\n');
            } else if (type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                    && type != Character.PRIVATE_USE && type != Character.SURROGATE) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
