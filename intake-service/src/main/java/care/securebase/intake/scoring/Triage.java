package care.securebase.intake.scoring;

/** Proposes risk and priority from what intake found. A coordinator may override the priority later. */
public final class Triage {

    public enum RiskLevel { NONE, LOW, MODERATE, HIGH }

    public enum Priority { URGENT, SOON, ROUTINE }

    /** What raised the risk flag; names the rule, never an answer. */
    public enum RiskSource { NONE, PHQ9_ITEM9, CLINICIAN_JUDGEMENT }

    public record Proposal(RiskLevel risk, RiskSource source, Priority priority) {
        public boolean flagged() {
            return risk != RiskLevel.NONE;
        }
    }

    private Triage() {
    }

    /**
     * PHQ-9 item 9 answered "more than half the days" or more is high risk, any lower positive answer
     * moderate; a clinician's judgement can only raise it. High risk is urgent; moderate risk or a
     * moderately severe score (15+) is soon.
     */
    public static Proposal propose(Phq9.Result phq9, RiskLevel clinicianJudgement) {
        RiskLevel fromScreen = phq9.item9() >= 2 ? RiskLevel.HIGH
                : phq9.item9() == 1 ? RiskLevel.MODERATE : RiskLevel.NONE;
        boolean judgementRaises = clinicianJudgement != null && clinicianJudgement.compareTo(fromScreen) > 0;
        RiskLevel risk = judgementRaises ? clinicianJudgement : fromScreen;
        RiskSource source = risk == RiskLevel.NONE ? RiskSource.NONE
                : judgementRaises ? RiskSource.CLINICIAN_JUDGEMENT : RiskSource.PHQ9_ITEM9;
        Priority priority = risk == RiskLevel.HIGH ? Priority.URGENT
                : risk == RiskLevel.MODERATE || phq9.total() >= 15 ? Priority.SOON : Priority.ROUTINE;
        return new Proposal(risk, source, priority);
    }
}
