package care.securebase.notifications.rest;

import care.securebase.kit.security.Caller;
import care.securebase.kit.security.Roles;
import care.securebase.notifications.service.ReminderService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/reminders")
@Tag(name = "Reminders")
public class ReminderResource {

    private final ReminderService reminders;
    private final Caller caller;

    public ReminderResource(ReminderService reminders, Caller caller) {
        this.reminders = reminders;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "Was this client reminded, when and how: the delivery log of their booster reminders",
            description = "Empty for a client of another clinic, as for an unknown one.")
    public List<ReminderView> list(@QueryParam("clientId") @NotNull UUID clientId) {
        return reminders.ofClient(clientId).stream().filter(r -> caller.canSeeClinic(r.clinicId))
                .map(ReminderView::of).toList();
    }
}
