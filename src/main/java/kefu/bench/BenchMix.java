package kefu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The traffic mix: categories with the share of turns they should take and the buyer visits (scripts of
 * turns) they are drawn from. Visits are picked so that the TURN shares match, whatever the script lengths.
 */
public record BenchMix(List<Category> categories, List<String> orders) {

    public BenchMix {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("the bench mix has no categories");
        }
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("the bench mix has no order numbers for {order}");
        }
        categories = List.copyOf(categories);
        orders = List.copyOf(orders);
    }

    /** One kind of traffic; {@code share} in percent of turns. */
    public record Category(String name, double share, List<List<String>> scenarios) {

        public Category {
            if (scenarios.isEmpty() || scenarios.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("bench category " + name + " needs non-empty scenarios");
            }
            scenarios = scenarios.stream().map(List::copyOf).toList();
        }

        double meanTurns() {
            return scenarios.stream().mapToInt(List::size).average().orElse(1);
        }
    }

    /** A visit picked for one simulated buyer: its category and turn texts with order numbers filled in. */
    public record Visit(String category, List<String> turns) { }

    public BenchMix withOrders(List<String> next) {
        return next.isEmpty() ? this : new BenchMix(categories, next);
    }

    /** Draws visits; one instance per thread (the random source is not shared). */
    public Picker picker(long seed) {
        return new Picker(seed);
    }

    public Map<String, Double> shares() {
        double total = categories.stream().mapToDouble(Category::share).sum();
        Map<String, Double> shares = new java.util.LinkedHashMap<>();
        categories.forEach(c -> shares.put(c.name(), c.share() / total));
        return shares;
    }

    public final class Picker {

        private final SplittableRandom random;
        private final double[] cumulative;

        private Picker(long seed) {
            random = new SplittableRandom(seed);
            // A category of long visits is visited less often, so that its share of turns stays as configured.
            double[] visitWeight = categories.stream().mapToDouble(c -> c.share() / c.meanTurns()).toArray();
            cumulative = new double[visitWeight.length];
            double sum = 0;
            for (int i = 0; i < visitWeight.length; i++) {
                sum += visitWeight[i];
                cumulative[i] = sum;
            }
        }

        public Visit next() {
            double r = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = 0;
            while (cumulative[i] < r) {
                i++;
            }
            Category c = categories.get(i);
            List<String> script = c.scenarios().get(random.nextInt(c.scenarios().size()));
            String order = orders.get(random.nextInt(orders.size()));
            List<String> turns = new ArrayList<>(script.size());
            script.forEach(t -> turns.add(t.replace("{order}", order)));
            return new Visit(c.name(), turns);
        }
    }
}
