package kefu.observability;

import java.util.Arrays;

/** Reads samples out of Prometheus' text exposition, as a scraper would. */
public final class MetricsText {

    private MetricsText() {
    }

    /** The sum of the samples of {@code name} whose labels include all of {@code labels}. */
    public static double value(String exposition, String name, String... labels) {
        return exposition.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
