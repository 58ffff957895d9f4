package care.securebase.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.instruments.InstrumentCatalog;
import care.securebase.instruments.InstrumentDefinition;
import care.securebase.instruments.ScoreResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckInRulesTest {

    static final InstrumentCatalog CATALOG = new InstrumentCatalog();
    static final InstrumentDefinition.ReliableChange PHQ9 = CATALOG.latest("PHQ-9").orElseThrow()
            .scale("total").orElseThrow().reliableChange();

    static ScoreResult phq9(int item9, int eachOther) {
        List<Integer> answers = new ArrayList<>(Collections.nCopies(8, eachOther));
        answers.add(item9);
        return CATALOG.score("PHQ-9", null, answers);
    }

    @Test
    void aPositiveRiskItemAtAnyLevelIsRisk() {
        assertFalse(CheckInRules.risk(List.of(phq9(0, 3))), "a high total alone is not a risk item");
        assertTrue(CheckInRules.risk(List.of(phq9(1, 0))));
        assertTrue(CheckInRules.risk(List.of(phq9(0, 0), phq9(3, 0))));
        List<Integer> cssrsYes = new ArrayList<>(Collections.nCopies(7, (Integer) null));
        cssrsYes.set(0, 1);
        cssrsYes.set(1, 0);
        cssrsYes.set(5, 0);
        assertTrue(CheckInRules.risk(List.of(CATALOG.score("C-SSRS-SCREEN", null, cssrsYes))));
    }

    @Test
    void deteriorationIsAgainstTheBaselineOrThePreviousCheckIn() {
        BigDecimal threshold = PHQ9.threshold();
        BigDecimal base = BigDecimal.valueOf(8);
        BigDecimal worse = base.add(threshold);
        BigDecimal slightly = base.add(threshold).subtract(BigDecimal.ONE);
        assertTrue(CheckInRules.deteriorated(PHQ9, base, null, worse), "baseline only");
        assertFalse(CheckInRules.deteriorated(PHQ9, base, null, slightly), "within measurement error");
        assertTrue(CheckInRules.deteriorated(PHQ9, worse.add(threshold), base, worse),
                "better than the baseline but a reliable slide since the last check-in");
        assertTrue(CheckInRules.deteriorated(PHQ9, base, slightly, worse), "against the baseline, not the last");
        assertFalse(CheckInRules.deteriorated(PHQ9, worse, worse, worse));
        assertFalse(CheckInRules.deteriorated(PHQ9, base.add(BigDecimal.TEN), null, base), "improvement");
        assertFalse(CheckInRules.deteriorated(PHQ9, null, null, worse), "the first score has nothing to compare");
        assertFalse(CheckInRules.deteriorated(null, base, null, worse), "a scale without a criterion");
    }

    @Test
    void warningSignsAtOrAboveThePlansCount() {
        assertTrue(CheckInRules.warningSigns(2, 2));
        assertTrue(CheckInRules.warningSigns(3, 2));
        assertFalse(CheckInRules.warningSigns(1, 2));
        assertFalse(CheckInRules.warningSigns(5, 0), "a threshold of 0 asks no flag");
    }

    static final CheckIn.Status E = CheckIn.Status.EXPIRED;
    static final CheckIn.Status A = CheckIn.Status.ANSWERED;
    static final CheckIn.Status C = CheckIn.Status.CANCELLED;

    @Test
    void missedFiresWhenTheRunOfExpiredCheckInsReachesNAndAtEachMultiple() {
        assertFalse(CheckInRules.missed(List.of(E, E, A), 3));
        assertTrue(CheckInRules.missed(List.of(E, E, E, A), 3));
        assertFalse(CheckInRules.missed(List.of(E, E, E, E, A), 3), "once per run, not on every later miss");
        assertTrue(CheckInRules.missed(List.of(E, E, E, E, E, E), 3), "again after another full run");
        assertFalse(CheckInRules.missed(List.of(A, E, E, E), 3), "an answer ends the run");
        assertTrue(CheckInRules.missed(List.of(E, C, E, C, E), 3), "cancelled ones neither count nor break it");
        assertEquals(3, CheckInRules.missedInARow(List.of(E, C, E, E, A, E)));
        assertTrue(CheckInRules.missed(List.of(E), 1));
        assertFalse(CheckInRules.missed(List.of(), 1));
    }

    @Test
    void eachRuleShowsAsACaseloadFlag() {
        assertEquals(Flag.Kind.RISK, CheckInRules.Kind.RISK.flag);
        assertEquals(Flag.Kind.DETERIORATION, CheckInRules.Kind.DETERIORATION.flag);
        assertEquals(Flag.Kind.WARNING_SIGN, CheckInRules.Kind.WARNING_SIGNS.flag);
        assertEquals(Flag.Kind.MISSED_CHECK_INS, CheckInRules.Kind.MISSED.flag);
    }
}
