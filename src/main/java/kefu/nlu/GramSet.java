package kefu.nlu;

/**
 * A set of grams as the sorted ids a {@link GramVocabulary} gave them, for comparing without hashing or
 * boxing. {@code size} counts every gram of the set, also those the vocabulary does not know (they can match
 * nothing, but a text full of unknown words is still less like each example).
 */
public record GramSet(int[] ids, int size) {

    public GramSet {
        // ids must be sorted and distinct: dice merges them.
        if (ids.length > size) {
            throw new IllegalArgumentException("more ids than grams");
        }
    }

    /** Dice overlap, 0..1: twice the grams in common over the sizes of both sets. */
    public static double dice(GramSet a, GramSet b) {
        if (a.size == 0 || b.size == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.ids.length && j < b.ids.length) {
            int x = a.ids[i];
            int y = b.ids[j];
            if (x == y) {
                common++;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.size + b.size);
    }
}
