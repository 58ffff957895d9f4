package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.BoosterSchedule;
import care.securebase.sessions.MaintenancePlan;
import care.securebase.sessions.service.MaintenanceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/episodes/{id}/maintenance")
@Tag(name = "Maintenance")
@RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class MaintenanceResource {

    private final MaintenanceService maintenance;

    public MaintenanceResource(MaintenanceService maintenance) {
        this.maintenance = maintenance;
    }

    @Schema(name = "StartMaintenance")
    public record StartMaintenanceRequest(
            @NotEmpty @Size(max = 20) @Schema(examples = "[\"sleeping badly for a week\"]")
            List<@NotBlank @Size(max = 500) String> relapseWarningSigns,
            @NotEmpty @Size(max = 20) @Schema(examples = "[\"call a friend\", \"behavioural activation list\"]")
            List<@NotBlank @Size(max = 500) String> copingTools,
            @NotNull @Size(max = 20) @Schema(examples = "[\"sister\"]")
            List<@NotBlank @Size(max = 500) String> supports,
            @Schema(description = "When booster sessions are due: up to " + BoosterSchedule.MAX_BOOSTERS
                    + ", each in the future, strictly increasing. Leave out for 1, 3, 6 and 12 months from "
                    + "now at 10:00 UTC", examples = "[\"2030-01-15T10:00:00Z\"]")
            List<Instant> boosters) {
    }

    @POST
    @Operation(summary = "Agree the maintenance plan and its boosters, moving the episode from ACTIVE_TREATMENT "
            + "to MAINTENANCE")
    public Response start(@PathParam("id") UUID id, @Valid @NotNull StartMaintenanceRequest request) {
        MaintenanceService.Started started = maintenance.start(id, new MaintenanceService.PlanRequest(
                request.relapseWarningSigns(), request.copingTools(), request.supports(), request.boosters()));
        return Response.created(UriBuilder.fromPath("/episodes/{id}/maintenance").build(id))
                .entity(MaintenancePlanView.of(started.plan(), started.boosters())).build();
    }

    @Schema(name = "BoosterSlot")
    public record BoosterSlot(@Schema(description = "An outstanding booster to keep or move; left out for a new one")
                              UUID id,
                              @NotNull @Schema(examples = "2030-01-15T10:00:00Z") Instant dueAt) {
    }

    @Schema(name = "BoosterScheduleEdit")
    public record BoosterScheduleRequest(@NotNull @Size(max = BoosterSchedule.MAX_BOOSTERS)
                                         List<@NotNull @Valid BoosterSlot> boosters) {
    }

    @Schema(name = "WarningSignsReported")
    public record WarningSignsRequest(@NotEmpty @Size(max = 20)
                                      @Schema(description = "Positions (0-based) of the plan's relapse warning signs "
                                              + "the client reported", examples = "[0, 2]") List<Integer> reported) {
    }

    @PUT
    @Path("boosters")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Edit the booster schedule of the plan in force: listed ids keep or move, unlisted "
            + "outstanding boosters are cancelled, slots without id are added; emits booster-schedule-changed")
    public List<MaintenancePlanView.BoosterView> boosters(@PathParam("id") UUID id,
                                                          @Valid @NotNull BoosterScheduleRequest request) {
        return maintenance.editBoosters(id, request.boosters().stream()
                        .map(b -> new MaintenanceService.BoosterSlot(b.id(), b.dueAt())).toList())
                .stream().map(MaintenancePlanView.BoosterView::of).toList();
    }

    @POST
    @Path("warning-signs")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Record which of the plan's warning signs the client reported; raises a WARNING_SIGN flag")
    public Response warningSigns(@PathParam("id") UUID id, @Valid @NotNull WarningSignsRequest request) {
        return Response.status(201).entity(FlagView.of(maintenance.warningSigns(id, request.reported()))).build();
    }

    @GET
    @Operation(summary = "The episode's newest maintenance plan (404 if it never had one)")
    public MaintenancePlanView get(@PathParam("id") UUID id) {
        MaintenancePlan plan = maintenance.latest(id);
        return MaintenancePlanView.of(plan, plan.boosters());
    }
}
