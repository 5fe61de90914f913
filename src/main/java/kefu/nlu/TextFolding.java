package kefu.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Brings buyer text to one comparable form: traditional characters become simplified (話費 → 话费), common
 * typos and variant spellings are corrected (到帐 → 到账, 冲值 → 充值), Latin letters are lower-cased.
 * Tables ship as resources next to this class.
 */
public final class TextFolding {

    private final Map<Character, Character> simplified;
    private final List<String[]> variants;

    private TextFolding(Map<Character, Character> simplified, List<String[]> variants) {
        this.simplified = simplified;
        this.variants = variants;
    }

    public static TextFolding standard() {
        Map<Character, Character> t2s = new HashMap<>();
        for (String line : lines("t2s.txt")) {
            if (line.length() == 2) {
                t2s.put(line.charAt(0), line.charAt(1));
            }
        }
        List<String[]> variants = new ArrayList<>();
        for (String line : lines("variants.txt")) {
            String[] pair = line.split("\\s+");
            if (pair.length == 2) {
                variants.add(pair);
            }
        }
        // Longer variants first, so 冲话费 is folded before a shorter rule could split it.
        variants.sort((a, b) -> b[0].length() - a[0].length());
        return new TextFolding(Map.copyOf(t2s), List.copyOf(variants));
    }

    public String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Character s = simplified.get(c);
            out.append(s == null ? c : s);
        }
        String folded = out.toString().toLowerCase(Locale.ROOT);
        for (String[] v : variants) {
            if (folded.contains(v[0])) {
                folded = folded.replace(v[0], v[1]);
            }
        }
        return folded;
    }

    private static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = TextFolding.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource kefu/nlu/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kefu/nlu/" + resource, e);
        }
        return lines;
    }
}
