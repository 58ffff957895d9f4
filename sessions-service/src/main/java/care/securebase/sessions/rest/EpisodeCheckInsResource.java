package care.securebase.sessions.rest;

import care.securebase.kit.input.Paging;
import care.securebase.kit.security.Roles;
import care.securebase.sessions.CheckIn;
import care.securebase.sessions.rest.CheckInResource.SummaryView;
import care.securebase.sessions.service.CheckInService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/episodes/{id}/check-ins")
@Tag(name = "Check-ins")
public class EpisodeCheckInsResource {

    private final CheckInService checkIns;

    public EpisodeCheckInsResource(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "The episode's check-ins, newest first: due, sent, answered (with totals), expired or "
            + "cancelled, and the flags each raised; no answers (GET /check-ins/{id})")
    @APIResponse(responseCode = "200", description = "A page of check-ins",
            headers = @Header(name = "X-Total-Count", description = "Check-ins of the episode, all pages"))
    public Response list(@PathParam("id") UUID episodeId, @Valid @BeanParam Paging.Standard paging) {
        List<CheckIn> page = checkIns.ofEpisode(episodeId, paging.page(), paging.size());
        Map<UUID, Map<String, BigDecimal>> totals = checkIns.totals(page.stream().map(c -> c.id).toList());
        return Response.ok(page.stream().map(c -> new SummaryView(c.id, c.dueAt, c.sentAt, c.expiresAt, c.status,
                        c.answeredAt, totals.getOrDefault(c.id, Map.of()), c.flags)).toList())
                .header("X-Total-Count", checkIns.countOfEpisode(episodeId)).build();
    }
}
