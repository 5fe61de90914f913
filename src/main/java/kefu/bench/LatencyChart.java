package kefu.bench;

import java.util.List;
import java.util.Locale;

/** Draws turn latency (p50, p95, p99, log scale) against offered load as a self-contained SVG. */
final class LatencyChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    String svg(List<LoadRuns.Open> runs, String subtitle, double targetP99Ms) {
        double min = 0.1;
        double max = Math.max(targetP99Ms * 2, runs.stream().mapToDouble(r -> r.latency().p99()).max().orElse(1));
        double top = Math.pow(10, Math.ceil(Math.log10(max)));
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(LEFT, 22, "kefu-bot: turn latency against offered load (open loop)", 15, "start"));
        s.append(text(LEFT, 40, subtitle, 11, "start"));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        for (double v = min; v <= top * 1.0001; v *= 10) {
            double y = y(v, min, top, plotH);
            s.append(line(LEFT, y, LEFT + plotW, y, "#ddd", ""));
            s.append(text(LEFT - 8, y + 4, label(v) + " ms", 11, "end"));
        }
        for (int i = 0; i < runs.size(); i++) {
            double x = x(i, runs.size(), plotW);
            s.append(line(x, TOP, x, TOP + plotH, "#eee", ""));
            s.append(text(x, TOP + plotH + 18, label(runs.get(i).offeredPerSecond()), 11, "middle"));
        }
        s.append(text(LEFT + plotW / 2.0, HEIGHT - 18, "offered load (turns/s)", 12, "middle"));
        double ty = y(targetP99Ms, min, top, plotH);
        s.append(line(LEFT, ty, LEFT + plotW, ty, "#c00", "stroke-dasharray=\"6 4\""));
        s.append(text(LEFT + plotW + 6, ty + 4, "p99 target " + label(targetP99Ms) + " ms", 11, "start"));
        series(s, runs, "p50", "#1f77b4", min, top, plotW, plotH, 0);
        series(s, runs, "p95", "#ff7f0e", min, top, plotW, plotH, 1);
        series(s, runs, "p99", "#2ca02c", min, top, plotW, plotH, 2);
        s.append("</svg>\n");
        return s.toString();
    }

    private void series(StringBuilder s, List<LoadRuns.Open> runs, String name, String colour,
                        double min, double top, int plotW, int plotH, int row) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            double v = value(runs.get(i).latency(), name);
            double x = x(i, runs.size(), plotW);
            double y = y(Math.max(min, v), min, top, plotH);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, colour));
        }
        s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                points.toString().strip(), colour));
        double ly = TOP + 20 + row * 18;
        s.append(line(WIDTH - RIGHT + 10, ly - 4, WIDTH - RIGHT + 34, ly - 4, colour, "stroke-width=\"2\""));
        s.append(text(WIDTH - RIGHT + 40, ly, name, 12, "start"));
    }

    private static double value(Latencies.Summary l, String name) {
        return switch (name) {
            case "p50" -> l.p50();
            case "p95" -> l.p95();
            default -> l.p99();
        };
    }

    private static double x(int i, int n, int plotW) {
        return LEFT + (n == 1 ? plotW / 2.0 : 20 + i * (plotW - 40.0) / (n - 1));
    }

    private static double y(double v, double min, double top, int plotH) {
        double f = (Math.log10(v) - Math.log10(min)) / (Math.log10(top) - Math.log10(min));
        return TOP + plotH * (1 - f);
    }

    private static String label(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" %s/>%n",
                x1, y1, x2, y2, colour, extra);
    }

    private static String text(double x, double y, String value, int size, String anchor) {
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>%n",
                x, y, size, anchor, escaped);
    }
}
