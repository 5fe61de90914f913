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
}
