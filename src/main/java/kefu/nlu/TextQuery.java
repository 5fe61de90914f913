package kefu.nlu;

import java.util.Set;

/** A buyer's question prepared once for matching: folded text, its lexical grams (all, and pairs only) and its vector. */
public record TextQuery(String text, String folded, Set<String> grams, Set<String> pairs, float[] vector) {

    public static TextQuery of(String text, TextFolding folding, TextEmbedder embedder) {
        String folded = folding.fold(text);
        Set<String> grams = CharGrams.setOf(folded);
        return new TextQuery(text, folded, grams, CharGrams.pairsOf(grams), embedder.query(folded));
    }
}
