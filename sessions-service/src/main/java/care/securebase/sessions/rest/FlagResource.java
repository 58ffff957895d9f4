package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.service.FlagService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/flags")
@Tag(name = "Flags")
public class FlagResource {

    private final FlagService flags;

    public FlagResource(FlagService flags) {
        this.flags = flags;
    }

    @POST
    @Path("{id}/clear")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "A clinician of the clinic has dealt with the flag (409 if cleared already)")
    public FlagView clear(@PathParam("id") UUID id) {
        return FlagView.of(flags.clear(id));
    }
}
