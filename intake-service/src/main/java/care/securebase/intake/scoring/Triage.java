package care.securebase.intake.scoring;

import care.securebase.instruments.ScoreResult;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Proposes risk and priority from what intake found. A coordinator may override the priority later. */
public final class Triage {

    public enum RiskLevel { NONE, LOW, MODERATE, HIGH }

    public enum Priority { URGENT, SOON, ROUTINE }

    /** What raised the risk flag: an instrument's rule (e.g. PHQ9_ITEM9, CSSRS_SCREEN) or the clinician. */
    public static final String CLINICIAN_JUDGEMENT = "CLINICIAN_JUDGEMENT";

    /**
     * Totals from which a client should be seen soon even without a risk signal: PHQ-9 moderately
     * severe (15+), GAD-7 severe (15+), PCL-5 at the provisional PTSD cut-point (33+).
     */
    static final Map<String, Integer> SOON_FROM_TOTAL = Map.of("PHQ-9", 15, "GAD-7", 15, "PCL-5", 33);

    /** @param source null when nothing was flagged */
    public record Proposal(RiskLevel risk, String source, Priority priority) {
        public boolean flagged() {
            return risk != RiskLevel.NONE;
        }
    }

    private Triage() {
    }

    /**
     * The highest risk any instrument signalled, raised (never lowered) by the clinician's judgement.
     * High risk is urgent; moderate risk or an elevated total is soon; the rest routine.
     */
    public static Proposal propose(List<ScoreResult> results, RiskLevel clinicianJudgement) {
        Optional<ScoreResult.RiskSignal> strongest = results.stream()
                .flatMap(r -> r.risks().stream())
                .max(Comparator.comparing(ScoreResult.RiskSignal::level));
        RiskLevel fromInstruments = strongest.map(s -> RiskLevel.valueOf(s.level().name())).orElse(RiskLevel.NONE);
        boolean judgementRaises = clinicianJudgement != null && clinicianJudgement.compareTo(fromInstruments) > 0;
        RiskLevel risk = judgementRaises ? clinicianJudgement : fromInstruments;
        String source = risk == RiskLevel.NONE ? null
                : judgementRaises ? CLINICIAN_JUDGEMENT : strongest.orElseThrow().source();
        boolean elevated = results.stream().anyMatch(r -> r.scale("total")
                .filter(t -> SOON_FROM_TOTAL.containsKey(r.instrument()))
                .map(t -> t.sum() >= SOON_FROM_TOTAL.get(r.instrument()))
                .orElse(false));
        Priority priority = risk == RiskLevel.HIGH ? Priority.URGENT
                : risk == RiskLevel.MODERATE || elevated ? Priority.SOON : Priority.ROUTINE;
        return new Proposal(risk, source, priority);
    }
}
