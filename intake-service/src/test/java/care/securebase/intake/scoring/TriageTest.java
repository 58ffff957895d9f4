package care.securebase.intake.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import care.securebase.instruments.InstrumentCatalog;
import care.securebase.instruments.ScoreResult;
import care.securebase.intake.scoring.Triage.Priority;
import care.securebase.intake.scoring.Triage.RiskLevel;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageTest {

    private static final InstrumentCatalog CATALOG = new InstrumentCatalog();

    private static ScoreResult phq9(Integer... answers) {
        return CATALOG.score("PHQ-9", null, List.of(answers));
    }

    private static ScoreResult same(String code, int items, int value) {
        return CATALOG.score(code, null, Collections.nCopies(items, value));
    }

    /** C-SSRS screen: items 1-6 yes/no (1/0), item 7 behaviour in the past three months. */
    private static ScoreResult cssrs(Integer... answers) {
        return CATALOG.score("C-SSRS-SCREEN", null, List.of(answers));
    }

    @Test
    void selfHarmAnswersOnThePhq9DriveRisk() {
        assertEquals(new Triage.Proposal(RiskLevel.HIGH, "PHQ9_ITEM9", Priority.URGENT),
                Triage.propose(List.of(phq9(0, 0, 0, 0, 0, 0, 0, 0, 2)), null));
        assertEquals(new Triage.Proposal(RiskLevel.MODERATE, "PHQ9_ITEM9", Priority.SOON),
                Triage.propose(List.of(phq9(0, 0, 0, 0, 0, 0, 0, 0, 1)), null));
        assertEquals(new Triage.Proposal(RiskLevel.NONE, null, Priority.ROUTINE),
                Triage.propose(List.of(phq9(1, 1, 1, 1, 1, 1, 1, 1, 0)), null));
    }

    @Test
    void theStrongestSignalOfAnyInstrumentWins() {
        Triage.Proposal proposal = Triage.propose(List.of(phq9(0, 0, 0, 0, 0, 0, 0, 0, 1),
                cssrs(1, 1, 1, 1, 0, 0, 0)), null);
        assertEquals(RiskLevel.HIGH, proposal.risk());
        assertEquals("CSSRS_SCREEN", proposal.source());
        assertEquals(Priority.URGENT, proposal.priority());
    }

    @Test
    void elevatedTotalsAreSeenSoonAtTheirThresholds() {
        assertEquals(Priority.SOON, Triage.propose(List.of(phq9(2, 2, 2, 2, 2, 2, 2, 1, 0)), null).priority());
        assertEquals(Priority.ROUTINE, Triage.propose(List.of(phq9(2, 2, 2, 2, 2, 2, 1, 1, 0)), null).priority());
        assertEquals(Priority.SOON, Triage.propose(List.of(CATALOG.score("GAD-7", null, List.of(3, 3, 3, 3, 3, 0, 0))), null).priority());
        assertEquals(Priority.ROUTINE, Triage.propose(List.of(CATALOG.score("GAD-7", null, List.of(3, 3, 3, 3, 2, 0, 0))), null).priority());
        // PCL-5: 33 is the provisional cut-point.
        List<Integer> pcl33 = new java.util.ArrayList<>(Collections.nCopies(20, 1));
        for (int i = 0; i < 13; i++) {
            pcl33.set(i, 2);
        }
        assertEquals(Priority.SOON, Triage.propose(List.of(CATALOG.score("PCL-5", null, pcl33)), null).priority());
        pcl33.set(0, 1);
        assertEquals(Priority.ROUTINE, Triage.propose(List.of(CATALOG.score("PCL-5", null, pcl33)), null).priority());
        // Instruments without such a threshold do not raise priority however high they score.
        assertEquals(Priority.ROUTINE, Triage.propose(List.of(same("ACE", 10, 1)), null).priority());
    }

    @Test
    void clinicianJudgementRaisesButNeverLowers() {
        assertEquals(new Triage.Proposal(RiskLevel.HIGH, Triage.CLINICIAN_JUDGEMENT, Priority.URGENT),
                Triage.propose(List.of(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)), RiskLevel.HIGH));
        assertEquals(new Triage.Proposal(RiskLevel.HIGH, "PHQ9_ITEM9", Priority.URGENT),
                Triage.propose(List.of(phq9(0, 0, 0, 0, 0, 0, 0, 0, 3)), RiskLevel.LOW));
        assertEquals(RiskLevel.LOW, Triage.propose(List.of(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)), RiskLevel.LOW).risk());
        assertNull(Triage.propose(List.of(), null).source());
    }
}
