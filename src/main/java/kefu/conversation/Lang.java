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
        // A bare order number or "ok" says nothing about the buyer's language, and neither do random letters
        // ("asdf qwer"): a Chinese buyer switches to English only on text with real English words in it.
        if (latin < 4) {
            return previous;
        }
        return previous == EN || hasEnglishWord(text) ? EN : previous;
    }

    /** Frequent English words; letters that contain none of them are not taken for English. */
    private static final java.util.Set<String> COMMON_WORDS = java.util.Set.of(
            "i", "me", "my", "you", "your", "we", "it", "is", "are", "was", "be", "been", "am", "do", "does", "did",
            "the", "a", "an", "to", "of", "for", "in", "on", "at", "with", "and", "or", "not", "no", "yes", "can",
            "how", "what", "when", "where", "why", "which", "who", "please", "hi", "hello", "hey", "thanks", "thank",
            "order", "orders", "help", "top", "up", "topup", "code", "refund", "urge", "cancel", "human", "agent",
            "person", "still", "yet", "long", "time", "money", "paid", "pay", "payment", "received", "arrived",
            "account", "card", "key", "vip", "membership", "ok", "okay", "bye", "want", "need", "have", "has",
            "this", "that", "there", "here", "will", "would", "should", "could", "get", "got", "min", "minutes",
            "hour", "hours", "day", "days", "bot", "support", "service", "status", "check", "where's", "it's", "i'm");

    private static boolean hasEnglishWord(String text) {
        for (String word : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z']+")) {
            if (COMMON_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatinLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
