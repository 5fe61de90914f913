package kefu.nlu;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Numbers the grams of the texts a matcher knows in advance (examples, passages), so that a buyer's question is
 * hashed once per gram and then compared with every known text as {@link GramSet}s. Immutable; made by a
 * {@link Builder} while the matcher is built.
 */
public final class GramVocabulary {

    private final Map<String, Integer> ids;

    private GramVocabulary(Map<String, Integer> ids) {
        this.ids = Map.copyOf(ids);
    }

    public int size() {
        return ids.size();
    }

    /** The id of a gram, -1 when no known text has it. */
    public int id(String gram) {
        Integer id = ids.get(gram);
        return id == null ? -1 : id;
    }

    /** A question's grams: the known ones by id, the unknown ones only counted. */
    public GramSet lookup(Set<String> grams) {
        int[] sorted = ids(grams);
        Arrays.sort(sorted);
        return new GramSet(sorted, grams.size());
    }

    /** The ids of the known grams, in the set's order (sums over them come out the same as over the set). */
    public int[] ids(Set<String> grams) {
        int[] known = new int[grams.size()];
        int n = 0;
        for (String g : grams) {
            int id = id(g);
            if (id >= 0) {
                known[n++] = id;
            }
        }
        return Arrays.copyOf(known, n);
    }

    /** Gives ids (0, 1, 2…) to grams as the known texts are read. */
    public static final class Builder {

        private final Map<String, Integer> ids = new HashMap<>();

        /** The id of a gram, a new one when it is new. */
        public int add(String gram) {
            Integer id = ids.get(gram);
            if (id == null) {
                id = ids.size();
                ids.put(gram, id);
            }
            return id;
        }

        /** The set of grams of a known text, each given an id. */
        public GramSet addAll(Set<String> grams) {
            int[] out = new int[grams.size()];
            int n = 0;
            for (String g : grams) {
                out[n++] = add(g);
            }
            Arrays.sort(out);
            return new GramSet(out, out.length);
        }

        public GramVocabulary build() {
            return new GramVocabulary(ids);
        }
    }
}
