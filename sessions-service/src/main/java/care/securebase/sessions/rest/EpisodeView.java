package care.securebase.sessions.rest;

import care.securebase.sessions.Episode;
import care.securebase.sessions.Phase;
import care.securebase.sessions.PhaseChange;
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
                          List<PhaseChangeView> history) {

    @Schema(name = "PhaseChange")
    public record PhaseChangeView(Phase from, Phase to, String reason, String changedBy, Instant changedAt) {
        static PhaseChangeView of(PhaseChange c) {
            return new PhaseChangeView(c.fromPhase, c.toPhase, c.reason, c.changedBy, c.changedAt);
        }
    }

    /** For lists: without the history, which would cost a query per episode. */
    static EpisodeView summary(Episode e) {
        return of(e, null);
    }

    static EpisodeView detail(Episode e) {
        return of(e, e.history().stream().map(PhaseChangeView::of).toList());
    }

    private static EpisodeView of(Episode e, List<PhaseChangeView> history) {
        return new EpisodeView(e.id, e.clientId, e.intakeId, e.clinicId, e.clinicianId, e.priority, e.riskLevel,
                e.modality, e.phase, e.openedAt, e.phaseChangedAt, e.phaseChangedBy,
                e.phase.next().stream().sorted().toList(), history);
    }
}
