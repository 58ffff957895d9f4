package care.securebase.sessions.rest;

import care.securebase.sessions.Booster;
import care.securebase.sessions.MaintenancePlan;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MaintenancePlan")
public record MaintenancePlanView(UUID id, UUID episodeId, List<String> relapseWarningSigns,
                                  List<String> copingTools, List<String> supports, List<BoosterView> boosters,
                                  String createdBy, Instant createdAt,
                                  @Schema(description = "When the episode left maintenance; null while in force")
                                  Instant endedAt) {

    @Schema(name = "Booster")
    public record BoosterView(UUID id, Instant dueAt, Booster.Status status,
                              @Schema(description = "When it was attended, missed or cancelled") Instant recordedAt,
                              String recordedBy) {
        static BoosterView of(Booster b) {
            return new BoosterView(b.id, b.dueAt, b.status, b.recordedAt, b.recordedBy);
        }
    }

    static MaintenancePlanView of(MaintenancePlan p, List<Booster> boosters) {
        return new MaintenancePlanView(p.id, p.episodeId, p.relapseWarningSigns, p.copingTools, p.supports,
                boosters.stream().map(BoosterView::of).toList(), p.createdBy, p.createdAt, p.endedAt);
    }
}
