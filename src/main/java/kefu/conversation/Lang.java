package kefu.conversation;

/** Reply language. Chinese is the shop's first language; English is offered to buyers who write it. */
public enum Lang {
    ZH, EN;

    /** Latin-script text with no Han characters is answered in English; everything else in Chinese. */
    public static Lang detect(String text, Lang previous) {
        if (text == null || text.isBlank()) {
            return previous;
        }
        // A command such as "/order" is the same in every language, and so is its argument (an order
        // number, a bind code such as "BIND-7Q2K9").
        if (text.strip().startsWith("/")) {
            return previous;
        }
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            }
            i += Character.charCount(cp);
        }
        // Only words count: a code or password mixing letters and digits ("BIND-7Q2K9", "q12345") is no language.
        for (String word : text.strip().split("\\s+")) {
            if (word.chars().noneMatch(Character::isDigit)) {
                latin += (int) word.chars().filter(Lang::isLatinLetter).count();
            }
        }
        if (han > 0) {
            return ZH;
        }
        // A bare order number or "ok" says nothing about the buyer's language.
        return latin >= 4 ? EN : previous;
    }

    private static boolean isLatinLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
