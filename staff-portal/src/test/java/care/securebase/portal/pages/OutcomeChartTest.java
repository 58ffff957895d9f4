package care.securebase.portal.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.api.IntakeApi;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeChartTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static IntakeApi.Instrument twoItems() {
        List<IntakeApi.Option> options = List.of(new IntakeApi.Option(0, "no"), new IntakeApi.Option(3, "yes"));
        return new IntakeApi.Instrument("X-2", 1, "Two items", null, null,
                List.of(new IntakeApi.Item(1, "a", null, false, false, null, options),
                        new IntakeApi.Item(2, "b", null, false, false, null, options)),
                List.of(new IntakeApi.Scale("total", "Total", "SUM", List.of(1, 2),
                        List.of(new IntakeApi.Band(BigDecimal.ZERO, "low"), new IntakeApi.Band(BigDecimal.valueOf(3), "high")))),
                List.of());
    }

    static ClinicalApi.Point point(String at, int value, boolean intake) {
        return new ClinicalApi.Point(Instant.parse(at), BigDecimal.valueOf(value), null, intake);
    }

    @Test
    void pointsSpreadAcrossThePlotOnTheScalesRange() {
        ClinicalApi.Point first = point("2026-03-02T10:00:00Z", 6, true);
        ClinicalApi.Point last = point("2026-04-02T10:00:00Z", 0, false);
        OutcomeChart c = OutcomeChart.of(0, new ClinicalApi.Trajectory("X-2", "total", List.of(first, last), first, last,
                "IMPROVED"), twoItems(), LONDON);
        // The scale reaches 6 (two items of at most 3): 6 is the top of the plot, 0 its bottom.
        assertEquals(16.0, c.dots().get(0).y());
        assertEquals(236.0, c.dots().get(1).y());
        assertEquals(48.0, c.dots().get(0).x());
        assertEquals(520.0, c.dots().get(1).x());
        assertEquals("48.0,16.0 520.0,236.0", c.line());
        assertEquals("Baseline 6", c.baseline().label());
        assertEquals("Reliably improved since the baseline", c.result());
        assertTrue(c.description().startsWith("2 scores, from 6 on 2 Mar 2026, 10:00 to 0 on 2 Apr 2026, 11:00."),
                c.description());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6"), c.ticks().stream().map(OutcomeChart.Tick::label).toList());
        assertEquals("high", c.guides().get(0).label());
    }

    @Test
    void oneScoreIsOnlyTheBaseline() {
        ClinicalApi.Point only = point("2026-03-02T10:00:00Z", 4, true);
        OutcomeChart c = OutcomeChart.of(1, new ClinicalApi.Trajectory("X-2", "total", List.of(only), only, only,
                "NO_RELIABLE_CHANGE"), null, LONDON);
        assertTrue(c.result().startsWith("Only the baseline so far"));
        assertEquals(284.0, c.dots().get(0).x(), "a single point in the middle");
        assertEquals("chart-1", c.id());
    }

    @Test
    void resultsInWords() {
        ClinicalApi.Point a = point("2026-03-02T10:00:00Z", 4, true);
        for (String[] r : new String[][] {{"IMPROVED", "Reliably improved since the baseline"},
                {"DETERIORATED", "Reliably deteriorated since the baseline"},
                {"NO_RELIABLE_CHANGE", "No reliable change since the baseline"},
                {"NOT_DEFINED", "This scale has no reliable-change criterion"}}) {
            assertEquals(r[1], OutcomeChart.words(new ClinicalApi.Trajectory("X", "t", List.of(a, a), a, a, r[0]), 2));
        }
    }

    @Test
    void roundSteps() {
        assertEquals(5.0, OutcomeChart.step(27));
        assertEquals(1.0, OutcomeChart.step(4));
        assertEquals(10.0, OutcomeChart.step(42));
        assertEquals(0.2, OutcomeChart.step(1));
    }
}
