package care.securebase.sessions;

import care.securebase.instruments.InstrumentDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One scale's scores over an episode and what the latest says against the baseline: the intake's
 * score when there is one, else the first administration in the episode.
 */
public record Trajectory(String instrument, String scale, List<Point> points, Point baseline, Point latest,
                         Result reliableChange) {

    public enum Result { IMPROVED, NO_RELIABLE_CHANGE, DETERIORATED, NOT_DEFINED }

    /** @param selfReported the client filled it in on a check-in link (not given by staff) */
    public record Point(Instant at, BigDecimal value, String band, boolean intake, boolean selfReported) {
    }

    /** @param points in time order, at least one; {@code scale} null when the catalog does not know it */
    public static Trajectory of(String instrument, String scaleCode, List<Point> points, InstrumentDefinition.Scale scale) {
        Point baseline = points.stream().filter(Point::intake).findFirst().orElse(points.get(0));
        Point latest = points.get(points.size() - 1);
        Result result = scale == null || scale.reliableChange() == null ? Result.NOT_DEFINED
                : Result.valueOf(scale.reliableChange().judge(baseline.value(), latest.value()).name());
        return new Trajectory(instrument, scaleCode, points, baseline, latest, result);
    }
}
