package care.securebase.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.instruments.InstrumentCatalog;
import care.securebase.instruments.InstrumentDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryTest {

    private static final InstrumentCatalog CATALOG = new InstrumentCatalog();
    private static final InstrumentDefinition.Scale PHQ9 = CATALOG.latest("PHQ-9").orElseThrow().scale("total").orElseThrow();
    private static final Instant T = Instant.parse("2030-01-01T10:00:00Z");

    private static Trajectory.Point p(int day, double value, boolean intake) {
        return new Trajectory.Point(T.plusSeconds(day * 86400L), BigDecimal.valueOf(value), null, intake, false);
    }

    @Test
    void theIntakeScoreIsTheBaselineWhereverItIs() {
        Trajectory t = Trajectory.of("PHQ-9", "total", List.of(p(0, 14, false), p(1, 15, true), p(30, 9, false)), PHQ9);
        assertEquals(BigDecimal.valueOf(15.0), t.baseline().value());
        assertEquals(Trajectory.Result.IMPROVED, t.reliableChange());
    }

    @Test
    void withoutAnIntakeScoreTheFirstAdministrationIsTheBaseline() {
        assertEquals(Trajectory.Result.NO_RELIABLE_CHANGE,
                Trajectory.of("PHQ-9", "total", List.of(p(0, 14, false), p(30, 9, false)), PHQ9).reliableChange());
        assertEquals(Trajectory.Result.DETERIORATED,
                Trajectory.of("PHQ-9", "total", List.of(p(0, 10, false), p(30, 16, false)), PHQ9).reliableChange());
        assertEquals(Trajectory.Result.NO_RELIABLE_CHANGE,
                Trajectory.of("PHQ-9", "total", List.of(p(0, 10, false)), PHQ9).reliableChange());
    }

    @Test
    void aScaleWithoutACriterionIsNotJudged() {
        InstrumentDefinition.Scale ace = CATALOG.latest("ACE").orElseThrow().scale("total").orElseThrow();
        assertEquals(Trajectory.Result.NOT_DEFINED,
                Trajectory.of("ACE", "total", List.of(p(0, 1, false), p(9, 9, false)), ace).reliableChange());
        assertEquals(Trajectory.Result.NOT_DEFINED,
                Trajectory.of("X", "y", List.of(p(0, 1, false), p(9, 9, false)), null).reliableChange());
    }
}
