package care.securebase.intake.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.intake.scoring.Triage.Priority;
import care.securebase.intake.scoring.Triage.RiskLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageTest {

    private static Phq9.Result phq9(Integer... answers) {
        return Phq9.score("phq9", List.of(answers));
    }

    @Test
    void selfHarmAnswersDriveRisk() {
        assertEquals(new Triage.Proposal(RiskLevel.HIGH, Triage.RiskSource.PHQ9_ITEM9, Priority.URGENT),
                Triage.propose(phq9(0, 0, 0, 0, 0, 0, 0, 0, 2), null));
        assertEquals(new Triage.Proposal(RiskLevel.MODERATE, Triage.RiskSource.PHQ9_ITEM9, Priority.SOON),
                Triage.propose(phq9(0, 0, 0, 0, 0, 0, 0, 0, 1), null));
        assertEquals(new Triage.Proposal(RiskLevel.NONE, Triage.RiskSource.NONE, Priority.ROUTINE),
                Triage.propose(phq9(1, 1, 1, 1, 1, 1, 1, 1, 0), null));
    }

    @Test
    void moderatelySevereScoresAreSeenSoon() {
        assertEquals(Priority.SOON, Triage.propose(phq9(2, 2, 2, 2, 2, 2, 2, 1, 0), null).priority());
        assertEquals(Priority.ROUTINE, Triage.propose(phq9(2, 2, 2, 2, 2, 2, 1, 1, 0), null).priority());
    }

    @Test
    void clinicianJudgementRaisesButNeverLowers() {
        assertEquals(new Triage.Proposal(RiskLevel.HIGH, Triage.RiskSource.CLINICIAN_JUDGEMENT, Priority.URGENT),
                Triage.propose(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0), RiskLevel.HIGH));
        assertEquals(new Triage.Proposal(RiskLevel.HIGH, Triage.RiskSource.PHQ9_ITEM9, Priority.URGENT),
                Triage.propose(phq9(0, 0, 0, 0, 0, 0, 0, 0, 3), RiskLevel.LOW));
        assertEquals(RiskLevel.LOW, Triage.propose(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0), RiskLevel.LOW).risk());
    }
}
