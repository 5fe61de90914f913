package kefu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.app.BotFiles;
import kefu.app.CliCommand;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationStore;
import kefu.nlu.NluProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bench [--quick]}: drives the running engine (real Redis, every handler of this build) with a mix of
 * simulated buyers and reports throughput, latency under a fixed load, Redis round trips per turn, start-up
 * time and memory. Writes {@code results.json} and {@code latency.svg} to {@code --out} (default target/bench).
 */
public final class BenchCommand implements CliCommand {

    static final double TARGET_TURNS_PER_SECOND = 300;
    static final double TARGET_P99_MS = 50;
    static final double TARGET_ROUND_TRIPS = 3;
    static final double TARGET_WARM_START_MS = 5000;
    static final double TARGET_RSS_MIB = 512;

    private final ConversationEngine engine;
    private final ConversationStore store;
    private final ObjectProvider<RedisRoundTrips> roundTrips;
    private final BotFiles files;
    private final NluProperties nlu;
    private final ObjectMapper json;

    public BenchCommand(ConversationEngine engine, ConversationStore store, ObjectProvider<RedisRoundTrips> roundTrips,
                        BotFiles files, NluProperties nlu, ObjectMapper json) {
        this.engine = engine;
        this.store = store;
        this.roundTrips = roundTrips;
        this.files = files;
        this.nlu = nlu;
        this.json = json;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure throughput, latency, Redis round trips, start-up and memory; --quick, --out DIR, --mix FILE, "
                + "--unique (every how-to question distinct, so each one is embedded)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        return run(BenchOptions.parse(args), new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /** Runs the benchmark and returns the figures it printed and wrote. */
    public int run(BenchOptions options, PrintStream out) throws Exception {
        long readyMillis = ProcessMetrics.uptimeMillis();
        BenchMix mix = mix(options);
        RedisRoundTrips counter = roundTrips.getIfAvailable();
        TurnDriver driver = new TurnDriver(engine, counter, Long.toString(System.currentTimeMillis(), 36),
                options.uniqueQuestions());
        LoadRuns runs = new LoadRuns(driver, mix);
        out.printf("kefu-bot bench%s: %d cores, order numbers %s%n", options.quick() ? " --quick" : "",
                Runtime.getRuntime().availableProcessors(), mix.orders().size() > 3
                        ? mix.orders().subList(0, 3) + "…(" + mix.orders().size() + ")" : mix.orders());

        runs.closed(8, options.warmUp());
        long tripsBefore = counter == null ? 0 : counter.total();
        long turnsBefore = turns(driver);
        List<LoadRuns.Closed> closed = new ArrayList<>();
        for (int buyers : options.concurrency()) {
            closed.add(runs.closed(buyers, options.phase()));
            out.printf("  closed loop, %3d buyers: %8.0f turns/s%n", buyers, closed.get(closed.size() - 1).turnsPerSecond());
        }
        double tripsPerTurn = counter == null ? -1
                : (counter.total() - tripsBefore) / (double) Math.max(1, turns(driver) - turnsBefore);
        List<LoadRuns.Open> open = new ArrayList<>();
        for (double rate : options.rates()) {
            open.add(runs.open(rate, options.phase(), 64));
            LoadRuns.Open o = open.get(open.size() - 1);
            out.printf("  open loop, %5.0f turns/s offered: p50 %.2f ms, p99 %.2f ms%n", rate,
                    o.latency().p50(), o.latency().p99());
        }
        StartupProbe.Result startup = startup(options, out);
        double rss = ProcessMetrics.peakRssMib();
        double heap = ProcessMetrics.peakHeapMib();
        driver.used().forEach(store::forget);

        Map<String, Object> results = results(options, mix, driver, closed, open, tripsPerTurn, readyMillis,
                startup, rss, heap);
        printTable(out, results, closed, open, driver, startup);
        Files.createDirectories(options.out());
        Path jsonFile = options.out().resolve("results.json");
        json.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), results);
        Path svg = options.out().resolve("latency.svg");
        String subtitle = String.format(Locale.ROOT, "%d cores, %s, %s", Runtime.getRuntime().availableProcessors(),
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
                options.quick() ? "quick run" : "phases of " + options.phase().toSeconds() + " s");
        Files.writeString(svg, new LatencyChart().svg(open, subtitle, TARGET_P99_MS));
        out.printf("Written: %s, %s%n", jsonFile, svg);
        return driver.errors() == 0 ? 0 : 1;
    }

    private static long turns(TurnDriver driver) {
        return driver.turnsByCategory().values().stream().mapToLong(java.util.concurrent.atomic.LongAdder::sum).sum();
    }

    private BenchMix mix(BenchOptions options) throws IOException {
        Resource file = options.mix() != null ? new FileSystemResource(options.mix())
                : new ClassPathResource("bench/mix.yml");
        BenchMix mix = new BenchMixLoader().load(file);
        if (!options.orders().isEmpty()) {
            return mix.withOrders(options.orders());
        }
        List<Resource> seed = files.bot("sandbox-shop.json");
        if (!seed.isEmpty()) {
            String text = seed.get(0).getContentAsString(StandardCharsets.UTF_8);
            return mix.withOrders(new BenchMixLoader().ordersIn(text, nlu.orderNumberPattern().isBlank() ? kefu.shop.ShopKind.SANDBOX.orderNumberPattern() : nlu.orderNumberPattern()));
        }
        return mix;
    }

    private StartupProbe.Result startup(BenchOptions options, PrintStream out) throws InterruptedException {
        if (!options.startup()) {
            return null;
        }
        var jar = StartupProbe.ownJar();
        if (jar.isEmpty()) {
            out.println("  start-up: not started from the jar, so only this process's start-up is reported");
            return null;
        }
        List<String> passOn = new ArrayList<>();
        passOn.add("--kefu.bot-dir=" + files.botDir().toAbsolutePath());
        passOn.add("--kefu.knowledge-dir=" + files.knowledgeDir().toAbsolutePath());
        try {
            StartupProbe.Result r = new StartupProbe(jar.get(), passOn).run();
            out.printf("  start-up to first answer: cold %d ms, warm %d ms (median of %s)%n", r.coldMillis(),
                    r.warmMillis(), r.warmRuns());
            return r;
        } catch (IOException | RuntimeException e) {
            out.println("  start-up: could not measure on a child process: " + e.getMessage());
            return null;
        }
    }

    private Map<String, Object> results(BenchOptions options, BenchMix mix, TurnDriver driver,
                                        List<LoadRuns.Closed> closed, List<LoadRuns.Open> open, double tripsPerTurn,
                                        long readyMillis, StartupProbe.Result startup, double rss, double heap) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("when", Instant.now().toString());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.version"));
        r.put("quick", options.quick());
        r.put("phaseSeconds", options.phase().toMillis() / 1000.0);
        r.put("mixShares", mix.shares());
        r.put("turnsByCategory", sums(driver.turnsByCategory()));
        r.put("intents", sums(driver.intents()));
        r.put("errors", driver.errors());
        r.put("closedLoop", closed);
        r.put("openLoop", open);
        Map<String, Object> redis = new LinkedHashMap<>();
        redis.put("roundTripsPerTurn", tripsPerTurn);
        Map<String, Double> byCategory = new TreeMap<>();
        driver.tripsByCategory().forEach((c, trips) -> byCategory.put(c,
                trips.sum() / (double) Math.max(1, driver.turnsByCategory().get(c).sum())));
        redis.put("byCategory", byCategory);
        redis.put("method", "counting proxy on every RedisTemplate's connections: one command call = one round trip,"
                + " a pipeline = one; per turn = counted during the closed-loop runs / turns handled");
        r.put("redis", redis);
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("thisProcessReadyMillis", readyMillis);
        start.put("coldMillis", startup == null ? null : startup.coldMillis());
        start.put("warmMillis", startup == null ? null : startup.warmMillis());
        start.put("warmRuns", startup == null ? null : startup.warmRuns());
        start.put("childPeakRssMib", startup == null ? null : startup.childPeakRssMib());
        start.put("method", startup == null ? "JVM uptime when the bench command began (Spring context ready)"
                : startup.note());
        r.put("startup", start);
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("peakRssMib", rss);
        memory.put("peakHeapMib", heap);
        memory.put("maxHeapMib", ProcessMetrics.maxHeapMib());
        r.put("memory", memory);
        r.put("targets", targets(closed, open, tripsPerTurn, startup, rss));
        return r;
    }

    private static Map<String, Long> sums(Map<String, java.util.concurrent.atomic.LongAdder> adders) {
        Map<String, Long> sums = new TreeMap<>();
        adders.forEach((k, v) -> sums.put(k, v.sum()));
        return sums;
    }

    private static Map<String, Object> targets(List<LoadRuns.Closed> closed, List<LoadRuns.Open> open,
                                               double tripsPerTurn, StartupProbe.Result startup, double rss) {
        Map<String, Object> t = new LinkedHashMap<>();
        double best = closed.stream().mapToDouble(LoadRuns.Closed::turnsPerSecond).max().orElse(0);
        t.put("throughput", verdict(best, ">=", TARGET_TURNS_PER_SECOND));
        open.stream().filter(o -> o.offeredPerSecond() == 50).findFirst()
                .ifPresent(o -> t.put("p99At50", verdict(o.latency().p99(), "<=", TARGET_P99_MS)));
        if (tripsPerTurn >= 0) {
            t.put("redisRoundTrips", verdict(tripsPerTurn, "<=", TARGET_ROUND_TRIPS));
        }
        if (startup != null) {
            t.put("warmStartup", verdict(startup.warmMillis(), "<=", TARGET_WARM_START_MS));
        }
        if (rss > 0) {
            t.put("peakRss", verdict(rss, "<=", TARGET_RSS_MIB));
        }
        return t;
    }

    private static Map<String, Object> verdict(double measured, String op, double target) {
        boolean met = ">=".equals(op) ? measured >= target : measured <= target;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("measured", Math.round(measured * 100) / 100.0);
        v.put("target", op + " " + (target == Math.rint(target) ? String.valueOf((long) target) : target));
        v.put("met", met);
        return v;
    }

    private static void printTable(PrintStream out, Map<String, Object> r, List<LoadRuns.Closed> closed,
                                   List<LoadRuns.Open> open, TurnDriver driver, StartupProbe.Result startup) {
        out.println();
        out.println("Throughput (closed loop: each buyer sends the next turn when answered)");
        out.println("  buyers     turns/s      p50 ms      p99 ms      turns");
        for (LoadRuns.Closed c : closed) {
            out.printf(Locale.ROOT, "  %6d  %10.0f  %10.2f  %10.2f  %9d%n", c.buyers(), c.turnsPerSecond(),
                    c.latency().p50(), c.latency().p99(), c.turns());
        }
        out.println("Latency at a fixed offered load (open loop, measured from each turn's due time)");
        out.println("  offered/s  achieved/s      p50 ms      p95 ms      p99 ms      max ms      turns");
        for (LoadRuns.Open o : open) {
            out.printf(Locale.ROOT, "  %9.0f  %10.1f  %10.2f  %10.2f  %10.2f  %10.2f  %9d%n", o.offeredPerSecond(),
                    o.achievedPerSecond(), o.latency().p50(), o.latency().p95(), o.latency().p99(), o.latency().max(),
                    o.turns());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> redis = (Map<String, Object>) r.get("redis");
        double trips = (double) redis.get("roundTripsPerTurn");
        out.printf(Locale.ROOT, "Redis round trips per turn: %s  by category %s%n",
                trips < 0 ? "not counted" : String.format(Locale.ROOT, "%.2f", trips), redis.get("byCategory"));
        out.println("  (" + redis.get("method") + ")");
        @SuppressWarnings("unchecked")
        Map<String, Object> start = (Map<String, Object>) r.get("startup");
        out.printf("Start-up: this process ready after %s ms", start.get("thisProcessReadyMillis"));
        if (startup != null) {
            out.printf("; to first answer: cold %d ms, warm %d ms (median of %s; child peak RSS %.0f MiB)",
                    startup.coldMillis(), startup.warmMillis(), startup.warmRuns(), startup.childPeakRssMib());
        }
        out.println();
        @SuppressWarnings("unchecked")
        Map<String, Object> memory = (Map<String, Object>) r.get("memory");
        out.printf(Locale.ROOT, "Memory: peak RSS %.0f MiB, peak heap %.0f MiB (max heap %.0f MiB)%n",
                memory.get("peakRssMib"), memory.get("peakHeapMib"), memory.get("maxHeapMib"));
        out.println("Turns by category " + r.get("turnsByCategory") + "; answered intents " + r.get("intents")
                + "; errors " + driver.errors());
        out.println("Targets:");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> targets = (Map<String, Map<String, Object>>) r.get("targets");
        targets.forEach((name, v) -> out.printf("  %-16s %-10s target %-8s %s%n", name, v.get("measured"),
                v.get("target"), Boolean.TRUE.equals(v.get("met")) ? "met" : "MISSED"));
    }

    /** Command-line options of {@code bench}. */
    public record BenchOptions(boolean quick, Duration warmUp, Duration phase, List<Integer> concurrency,
                               List<Double> rates, boolean startup, Path out, Path mix, List<String> orders,
                               boolean uniqueQuestions) {

        public static BenchOptions parse(List<String> args) {
            boolean quick = args.contains("--quick");
            Path out = Path.of(value(args, "--out", "target/bench"));
            String mix = value(args, "--mix", null);
            String orders = value(args, "--orders", "");
            double seconds = Double.parseDouble(value(args, "--seconds", quick ? "1" : "10"));
            List<Double> rates = Arrays.stream(value(args, "--rates", quick ? "10,50" : "10,25,50,100,200")
                    .split(",")).map(Double::parseDouble).toList();
            return new BenchOptions(quick, Duration.ofMillis((long) (seconds * (quick ? 500 : 300))),
                    Duration.ofMillis((long) (seconds * 1000)), List.of(1, 8, 64), rates,
                    !quick && !args.contains("--no-startup"), out, mix == null ? null : Path.of(mix),
                    orders.isBlank() ? List.of() : List.of(orders.split(",")), args.contains("--unique"));
        }

        private static String value(List<String> args, String name, String fallback) {
            int i = args.indexOf(name);
            return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
        }
    }
}
