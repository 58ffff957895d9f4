package care.securebase.sessions.rest;

import care.securebase.kit.input.Paging;
import care.securebase.kit.security.Roles;
import care.securebase.sessions.Flag;
import care.securebase.sessions.Phase;
import care.securebase.sessions.TherapySession;
import care.securebase.sessions.service.CaseloadService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/caseload")
@Tag(name = "Caseload")
public class CaseloadResource {

    private final CaseloadService caseload;

    public CaseloadResource(CaseloadService caseload) {
        this.caseload = caseload;
    }

    @Schema(name = "CaseloadNextSession")
    public record NextSessionView(UUID id, Instant startsAt,
                                  @Schema(description = "What the client answered by the reminder's link")
                                  TherapySession.Confirmation confirmation) {
    }

    @Schema(name = "CaseloadRow")
    public record RowView(UUID clientId, UUID episodeId, String clinicianId, Phase phase, NextSessionView nextSession,
                          Instant nextBooster, long overdueNotes,
                          @Schema(description = "Open flags by kind") Map<Flag.Kind, Long> openFlags) {
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "Current clients (episodes not discharged) with phase, next session and booster, overdue "
            + "notes and open flags: a clinician's own; a supervisor's or clinic-admin's clinic (or one clinician's). "
            + "Those needing attention first (open risk flags, open flags, overdue notes, soonest session); "
            + "the total is in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of the caseload",
            headers = @Header(name = "X-Total-Count", description = "Current clients, all pages"))
    public Response caseload(@QueryParam("clinicianId") @Size(max = 100) String clinicianId,
                             @Valid @BeanParam Paging.Wide paging) {
        CaseloadService.Page found = caseload.caseload(clinicianId, paging.page(), paging.size());
        return Response.ok(found.rows().stream().map(r -> new RowView(r.episode().clientId, r.episode().id,
                        r.episode().clinicianId, r.episode().phase, r.nextSession() == null ? null
                                : new NextSessionView(r.nextSession().id(), r.nextSession().startsAt(),
                                r.nextSession().confirmation()), r.nextBooster(), r.overdueNotes(),
                        r.openFlags())).toList())
                .header("X-Total-Count", found.total()).build();
    }
}
