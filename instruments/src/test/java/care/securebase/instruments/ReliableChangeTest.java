package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.instruments.InstrumentDefinition.ReliableChange;
import care.securebase.instruments.InstrumentDefinition.ReliableChange.Result;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReliableChangeTest {

    private static final InstrumentCatalog CATALOG = new InstrumentCatalog();

    private static ReliableChange of(String instrument, String scale) {
        return CATALOG.latest(instrument).orElseThrow().scale(scale).orElseThrow().reliableChange();
    }

    @ParameterizedTest(name = "PHQ-9 {0} -> {1}: {2}")
    @CsvSource({
            "18, 12, IMPROVED", "18, 13, NO_RELIABLE_CHANGE", "18, 18, NO_RELIABLE_CHANGE",
            "10, 15, NO_RELIABLE_CHANGE", "10, 16, DETERIORATED", "0, 27, DETERIORATED"})
    void phq9UsesSixPoints(int baseline, int latest, Result expected) {
        assertEquals(expected, of("PHQ-9", "total").judge(BigDecimal.valueOf(baseline), BigDecimal.valueOf(latest)));
    }

    @ParameterizedTest(name = "ECR-R anxiety {0} -> {1}: {2}")
    @CsvSource({"5.50, 4.50, IMPROVED", "5.50, 4.60, NO_RELIABLE_CHANGE", "3.00, 4.00, DETERIORATED"})
    void ecrRAnxietyUsesItsIndex(String baseline, String latest, Result expected) {
        assertEquals(expected, of("ECR-R", "anxiety").judge(new BigDecimal(baseline), new BigDecimal(latest)));
    }

    @Test
    void aHigherIsBetterScaleTurnsTheJudgementAround() {
        ReliableChange wellbeing = new ReliableChange(BigDecimal.valueOf(3), false, "test");
        assertEquals(Result.IMPROVED, wellbeing.judge(BigDecimal.TEN, BigDecimal.valueOf(13)));
        assertEquals(Result.DETERIORATED, wellbeing.judge(BigDecimal.TEN, BigDecimal.valueOf(7)));
    }

    @Test
    void symptomScalesHaveACriterionAndHistoriesDoNot() {
        for (String code : List.of("PHQ-9", "GAD-7", "PCL-5")) {
            ReliableChange rc = of(code, "total");
            assertTrue(rc.lowerIsBetter() && rc.threshold().signum() > 0 && !rc.basis().isBlank(), code);
        }
        assertNull(of("ACE", "total"), "adverse childhood experiences are history, not change");
    }
}
