package care.securebase.sessions.rest;

import care.securebase.kit.input.Paging;
import care.securebase.kit.security.Roles;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Phase;
import care.securebase.sessions.service.EpisodeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/episodes")
@Tag(name = "Episodes")
@RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class EpisodeResource {

    private final EpisodeService episodes;

    public EpisodeResource(EpisodeService episodes) {
        this.episodes = episodes;
    }

    @Schema(name = "PhaseChangeRequest")
    public record PhaseChangeRequest(
            @NotNull @Schema(description = "ACTIVE_TREATMENT or DISCHARGED; MAINTENANCE starts with a plan "
                    + "(POST /episodes/{id}/maintenance)", examples = "ACTIVE_TREATMENT") Phase phase,
            @Size(max = 2000) @Schema(description = "Why; required to discharge") String reason) {
    }

    @GET
    @Operation(summary = "Episodes of the caller's clinic, newest first (clinic-admins see every clinic, "
            + "or the one named)")
    public List<EpisodeView> list(@QueryParam("clientId") UUID clientId,
                                  @QueryParam("clinicId") String clinicId,
                                  @Valid @BeanParam Paging.Standard paging) {
        return episodes.list(clinicId, clientId, paging.page(), paging.size()).stream()
                .map(EpisodeView::summary).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One episode with its phase history")
    public EpisodeView get(@PathParam("id") UUID id) {
        return EpisodeView.detail(episodes.visible(id));
    }

    @POST
    @Path("/{id}/phase")
    @Operation(summary = "Move the episode to ACTIVE_TREATMENT or DISCHARGED (409 if the move is not allowed)")
    // The view reads flags and the safety plan: in the move's own transaction, so a database lost after
    // the commit cannot turn a saved move into a 503 that says nothing was written.
    @Transactional
    public EpisodeView changePhase(@PathParam("id") UUID id, @Valid @NotNull PhaseChangeRequest request) {
        Episode episode = episodes.changePhase(id, request.phase(), request.reason());
        return EpisodeView.detail(episode);
    }
}
