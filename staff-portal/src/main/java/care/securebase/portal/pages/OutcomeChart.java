package care.securebase.portal.pages;

import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.api.IntakeApi;
import care.securebase.portal.web.Formats;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One instrument scale's scores over time as an inline SVG line chart, drawn on the server (no
 * script): points evenly spaced in time order with their dates below, the baseline as a dashed
 * line, band boundaries as faint lines. The template gives it a title and description and a data
 * table beside it, so the chart is never the only way to read the numbers.
 */
public record OutcomeChart(String id, ClinicalApi.Trajectory trajectory, String title, String description,
                           String result, String resultToken, List<Dot> dots, String line, Guide baseline,
                           List<Guide> guides, List<Tick> ticks) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 280;
    static final int LEFT = 48;
    static final int RIGHT = 120;
    static final int TOP = 16;
    static final int BOTTOM = 44;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yy", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    /** A score's point: where it is drawn and its label. */
    public record Dot(double x, double y, String value, String day, boolean intake, boolean selfReported,
                      String label) {
        /** The corner of the square a self-reported point is drawn as (a shape, not only a colour, tells it apart). */
        public double squareX() {
            return round(x - 5.5);
        }

        public double squareY() {
            return round(y - 5.5);
        }
    }

    /** A horizontal line across the plot with its label at the right. */
    public record Guide(double y, String label) {
    }

    /** A value on the y axis. */
    public record Tick(double y, String label) {
    }

    public static OutcomeChart of(int index, ClinicalApi.Trajectory t, IntakeApi.Instrument definition, ZoneId zone) {
        List<ClinicalApi.Point> points = t.trajectory();
        double dataMax = points.stream().map(ClinicalApi.Point::value).filter(v -> v != null)
                .mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        double top = Math.max(scaleMax(definition, t.scale()), dataMax);
        if (top <= 0) {
            top = 1;
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            ClinicalApi.Point p = points.get(i);
            double x = LEFT + (points.size() == 1 ? plotW / 2 : plotW * i / (points.size() - 1));
            double y = TOP + plotH * (1 - p.value().doubleValue() / top);
            String day = p.at() == null ? "" : DAY.format(p.at().atZone(zone));
            String value = number(p.value());
            dots.add(new Dot(round(x), round(y), value, day, p.intake(), p.selfReported(), day + ": " + value
                    + (p.band() == null ? "" : " (" + p.band() + ")") + (p.intake() ? ", at intake" : "")
                    + (p.selfReported() ? ", self-reported in a check-in" : "")));
            line.append(i == 0 ? "" : " ").append(round(x)).append(',').append(round(y));
        }
        Guide baseline = t.baseline() == null ? null
                : new Guide(round(TOP + plotH * (1 - t.baseline().value().doubleValue() / top)),
                "Baseline " + number(t.baseline().value()));
        List<Guide> guides = new ArrayList<>();
        for (IntakeApi.Band band : bands(definition, t.scale())) {
            if (band.from() != null && band.from().doubleValue() > 0 && band.from().doubleValue() <= top) {
                double y = round(TOP + plotH * (1 - band.from().doubleValue() / top));
                // A band's name right by the baseline's label would cover it: the line alone will do.
                boolean crowded = baseline != null && Math.abs(y - baseline.y()) < 14;
                guides.add(new Guide(y, crowded ? "" : band.label()));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        double step = step(top);
        for (double value = 0; value <= top + 1e-9; value += step) {
            ticks.add(new Tick(round(TOP + plotH * (1 - value / top)), number(BigDecimal.valueOf(value))));
        }
        String scaleName = Formats.label(t.scale());
        String title = t.instrument() + " " + scaleName.toLowerCase(Locale.ROOT) + " over time";
        String result = words(t, points.size());
        String description = describe(t, points, zone) + " " + result + ".";
        return new OutcomeChart("chart-" + index, t, title, description, result,
                Formats.token(t.reliableChange()), dots, line.toString(), baseline, guides, ticks);
    }

    /** The reliable-change result in words. */
    static String words(ClinicalApi.Trajectory t, int points) {
        if (points < 2) {
            return "Only the baseline so far: give the instrument again to see change";
        }
        return switch (t.reliableChange() == null ? "" : t.reliableChange()) {
            case "IMPROVED" -> "Reliably improved since the baseline";
            case "DETERIORATED" -> "Reliably deteriorated since the baseline";
            case "NO_RELIABLE_CHANGE" -> "No reliable change since the baseline";
            default -> "This scale has no reliable-change criterion";
        };
    }

    private static String describe(ClinicalApi.Trajectory t, List<ClinicalApi.Point> points, ZoneId zone) {
        if (points.isEmpty()) {
            return "No scores yet.";
        }
        ClinicalApi.Point first = points.get(0);
        ClinicalApi.Point last = points.get(points.size() - 1);
        long self = points.stream().filter(ClinicalApi.Point::selfReported).count();
        return points.size() + (points.size() == 1 ? " score" : " scores") + ", from " + number(first.value())
                + " on " + when(first.at(), zone) + " to " + number(last.value()) + " on " + when(last.at(), zone)
                + "." + (self == 0 ? "" : " " + (self == points.size() ? "All" : String.valueOf(self)) + " of them "
                + (self == 1 && points.size() > 1 ? "was" : "were") + " self-reported by the client in check-ins"
                + (self == points.size() ? "" : ", drawn as squares") + ".");
    }

    /** Whether the chart has self-reported points, for its legend. */
    public boolean hasSelfReported() {
        return dots.stream().anyMatch(Dot::selfReported);
    }

    public boolean hasIntake() {
        return dots.stream().anyMatch(Dot::intake);
    }

    /** The highest score the scale can reach: the sum (or mean) of its items' highest options. */
    static double scaleMax(IntakeApi.Instrument definition, String scaleCode) {
        if (definition == null) {
            return 0;
        }
        for (IntakeApi.Scale s : definition.scales()) {
            if (s.code().equals(scaleCode)) {
                double sum = 0;
                double highest = 0;
                for (int number : s.items()) {
                    double max = definition.items().stream().filter(i -> i.number() == number)
                            .flatMap(i -> i.options().stream()).mapToDouble(IntakeApi.Option::value).max().orElse(0);
                    sum += max;
                    highest = Math.max(highest, max);
                }
                return "MEAN".equals(s.method()) ? highest : sum;
            }
        }
        return 0;
    }

    private static List<IntakeApi.Band> bands(IntakeApi.Instrument definition, String scaleCode) {
        if (definition == null) {
            return List.of();
        }
        return definition.scales().stream().filter(s -> s.code().equals(scaleCode)).findFirst()
                .map(IntakeApi.Scale::bands).orElse(List.of());
    }

    static String number(BigDecimal value) {
        if (value == null) {
            return Formats.text(null);
        }
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v.setScale(Math.min(v.scale(), 2), java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()).toPlainString();
    }

    /** A round step for the y axis giving about six ticks: 1, 2, 2.5 or 5 times a power of ten. */
    static double step(double top) {
        double rough = top / 6;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** As {@code fmt:when} writes it, in the zone given (the chart is also drawn outside a request). */
    private static String when(java.time.Instant at, ZoneId zone) {
        return at == null ? Formats.text(null) : DAY_TIME.format(at.atZone(zone));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    public int labelX() {
        return WIDTH - RIGHT + 6;
    }

    public int dateY() {
        return HEIGHT - BOTTOM + 18;
    }
}
