package kefu.knowledge;

import kefu.nlu.GramVocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * How often each gram occurs in one passage, by gram id: sorted ids with their counts, looked up by binary
 * search, so BM25 reads term frequencies without boxing.
 */
record GramCounts(int[] ids, int[] counts) {

    static GramCounts of(List<String> grams, GramVocabulary.Builder vocabulary) {
        int[] all = new int[grams.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = vocabulary.add(grams.get(i));
        }
        Arrays.sort(all);
        int[] ids = new int[all.length];
        int[] counts = new int[all.length];
        int n = -1;
        for (int i = 0; i < all.length; i++) {
            if (n < 0 || ids[n] != all[i]) {
                ids[++n] = all[i];
            }
            counts[n]++;
        }
        return new GramCounts(Arrays.copyOf(ids, n + 1), Arrays.copyOf(counts, n + 1));
    }

    /** Occurrences of the gram, 0 when the passage does not have it. */
    int count(int id) {
        int at = Arrays.binarySearch(ids, id);
        return at < 0 ? 0 : counts[at];
    }
}
