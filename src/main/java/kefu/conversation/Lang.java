package kefu.conversation;

/** Reply language. Chinese is the shop's first language; English is offered to buyers who write it. */
public enum Lang {
    ZH, EN;

    /** Latin-script text with no Han characters is answered in English; everything else in Chinese. */
    public static Lang detect(String text, Lang previous) {
        if (text == null || text.isBlank()) {
            return previous;
        }
        // A command such as "/order" is the same in every language.
        text = text.strip().replaceFirst("^/\\w+(@\\w+)?", "");
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
                latin++;
            }
            i += Character.charCount(cp);
        }
        if (han > 0) {
            return ZH;
        }
        // A bare order number or "ok" says nothing about the buyer's language.
        return latin >= 4 ? EN : previous;
    }
}
