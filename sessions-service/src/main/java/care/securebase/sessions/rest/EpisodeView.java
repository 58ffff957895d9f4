package care.securebase.sessions.rest;

import care.securebase.sessions.Episode;
import care.securebase.sessions.Phase;
import care.securebase.sessions.PhaseChange;
import care.securebase.sessions.RiskFlag;
import care.securebase.sessions.SafetyPlanVersion;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Episode")
public record EpisodeView(UUID id, UUID clientId, UUID intakeId, String clinicId, String clinicianId,
                          String priority, String riskLevel, String modality, Phase phase, Instant openedAt,
                          Instant phaseChangedAt, String phaseChangedBy,
                          @Schema(description = "The phases this episode can move to now") List<Phase> nextPhases,
                          @JsonInclude(JsonInclude.Include.NON_NULL)
                          @Schema(description = "Every phase change, oldest first; only on a single episode")
                          List<PhaseChangeView> history,
                          @JsonInclude(JsonInclude.Include.NON_NULL)
                          @Schema(description = "Risk flags raised at intake for the client; only on a single episode")
                          List<RiskFlagView> riskFlags,
                          @JsonInclude(JsonInclude.Include.NON_NULL)
                          @Schema(description = "The client's current safety-plan version; only on a single episode")
                          Integer safetyPlanVersion) {

    @Schema(name = "PhaseChange")
    public record PhaseChangeView(Phase from, Phase to, String reason, String changedBy, Instant changedAt) {
        static PhaseChangeView of(PhaseChange c) {
            return new PhaseChangeView(c.fromPhase, c.toPhase, c.reason, c.changedBy, c.changedAt);
        }
    }

    @Schema(name = "RiskFlag")
    public record RiskFlagView(String level, String source, UUID intakeId, Instant raisedAt) {
        static RiskFlagView of(RiskFlag f) {
            return new RiskFlagView(f.level, f.source, f.intakeId, f.raisedAt);
        }
    }

    /** For lists: without the history and flags, which would cost queries per episode. */
    static EpisodeView summary(Episode e) {
        return of(e, null, null, null);
    }

    static EpisodeView detail(Episode e) {
        return of(e, e.history().stream().map(PhaseChangeView::of).toList(),
                RiskFlag.ofClient(e.clientId).stream().map(RiskFlagView::of).toList(),
                SafetyPlanVersion.current(e.clientId).map(v -> v.version).orElse(null));
    }

    private static EpisodeView of(Episode e, List<PhaseChangeView> history, List<RiskFlagView> riskFlags,
                                  Integer safetyPlanVersion) {
        return new EpisodeView(e.id, e.clientId, e.intakeId, e.clinicId, e.clinicianId, e.priority, e.riskLevel,
                e.modality, e.phase, e.openedAt, e.phaseChangedAt, e.phaseChangedBy,
                e.phase.next().stream().sorted().toList(), history, riskFlags, safetyPlanVersion);
    }
}
