package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.Flag;
import care.securebase.sessions.Phase;
import care.securebase.sessions.service.CaseloadService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/caseload")
@Tag(name = "Caseload")
public class CaseloadResource {

    private final CaseloadService caseload;

    public CaseloadResource(CaseloadService caseload) {
        this.caseload = caseload;
    }

    @Schema(name = "CaseloadRow")
    public record RowView(UUID clientId, UUID episodeId, String clinicianId, Phase phase, Instant nextSession,
                          Instant nextBooster, long overdueNotes,
                          @Schema(description = "Open flags by kind") Map<Flag.Kind, Long> openFlags) {
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "Current clients (episodes not discharged) with phase, next session and booster, overdue "
            + "notes and open flags: a clinician's own; a supervisor's or clinic-admin's clinic (or one clinician's)")
    public List<RowView> caseload(@QueryParam("clinicianId") String clinicianId) {
        return caseload.caseload(clinicianId).stream().map(r -> new RowView(r.episode().clientId, r.episode().id,
                r.episode().clinicianId, r.episode().phase, r.nextSession(), r.nextBooster(), r.overdueNotes(),
                r.openFlags())).toList();
    }
}
