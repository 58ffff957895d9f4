package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.service.FlagService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/episodes/{id}/flags")
@Tag(name = "Flags")
public class EpisodeFlagsResource {

    private final FlagService flags;

    public EpisodeFlagsResource(FlagService flags) {
        this.flags = flags;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The episode's flags, oldest first (open ones only unless open=false)")
    public List<FlagView> list(@PathParam("id") UUID episodeId, @QueryParam("open") @DefaultValue("true") boolean open) {
        return flags.ofEpisode(episodeId, open).stream().map(FlagView::of).toList();
    }
}
