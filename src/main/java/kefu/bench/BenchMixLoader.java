package kefu.bench;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code bench/mix.yml} and, when there is one, the order numbers seeded in the sandbox shop. */
public final class BenchMixLoader {

    public BenchMix load(Resource file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (InputStream in = file.getInputStream()) {
            if (!(yaml.load(in) instanceof Map<?, ?> root)) {
                throw new IllegalStateException(file.getDescription() + ": expected 'orders' and 'categories'");
            }
            List<String> orders = new ArrayList<>();
            if (root.get("orders") instanceof List<?> list) {
                list.forEach(o -> orders.add(String.valueOf(o)));
            }
            List<BenchMix.Category> categories = new ArrayList<>();
            if (!(root.get("categories") instanceof Map<?, ?> byName)) {
                throw new IllegalStateException(file.getDescription() + ": 'categories' is missing");
            }
            for (Map.Entry<?, ?> e : byName.entrySet()) {
                categories.add(category(file, String.valueOf(e.getKey()), e.getValue()));
            }
            return new BenchMix(categories, orders);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getDescription(), e);
        }
    }

    /** Every distinct order number (as the bot recognises them) in the sandbox shop's seed file. */
    public List<String> ordersIn(String seedText, String orderNumberPattern) {
        Matcher m = Pattern.compile(orderNumberPattern, Pattern.CASE_INSENSITIVE).matcher(seedText);
        Set<String> found = new LinkedHashSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return List.copyOf(found);
    }

    private static BenchMix.Category category(Resource file, String name, Object value) {
        if (!(value instanceof Map<?, ?> c) || !(c.get("share") instanceof Number share)
                || !(c.get("scenarios") instanceof List<?> scenarios)) {
            throw new IllegalStateException(file.getDescription() + ": category '" + name
                    + "' needs a numeric 'share' and a list of 'scenarios'");
        }
        List<List<String>> scripts = new ArrayList<>();
        for (Object s : scenarios) {
            List<String> turns = new ArrayList<>();
            if (s instanceof List<?> list) {
                list.forEach(t -> turns.add(String.valueOf(t)));
            } else {
                turns.add(String.valueOf(s));
            }
            scripts.add(turns);
        }
        return new BenchMix.Category(name, share.doubleValue(), scripts);
    }
}
