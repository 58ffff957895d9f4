package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.Booster;
import care.securebase.sessions.service.MaintenanceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/boosters")
@Tag(name = "Maintenance")
@RolesAllowed(Roles.CLINICIAN)
public class BoosterResource {

    private final MaintenanceService maintenance;

    public BoosterResource(MaintenanceService maintenance) {
        this.maintenance = maintenance;
    }

    @POST
    @Path("{id}/attended")
    @Operation(summary = "The client came to the booster (409 unless SCHEDULED); emits booster-recorded")
    public MaintenancePlanView.BoosterView attended(@PathParam("id") UUID id) {
        return MaintenancePlanView.BoosterView.of(maintenance.recordBooster(id, Booster.Status.ATTENDED));
    }

    @POST
    @Path("{id}/missed")
    @Operation(summary = "The client missed the booster: raises a MISSED_BOOSTER flag; emits booster-recorded")
    public MaintenancePlanView.BoosterView missed(@PathParam("id") UUID id) {
        return MaintenancePlanView.BoosterView.of(maintenance.recordBooster(id, Booster.Status.MISSED));
    }
}
