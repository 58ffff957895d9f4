package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.SafetyPlan;
import care.securebase.sessions.SafetyPlanVersion;
import care.securebase.sessions.service.PlanService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/clients/{clientId}/safety-plan")
@Tag(name = "Safety plans")
@RolesAllowed(Roles.CLINICIAN)
public class SafetyPlanResource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final PlanService plans;
    private final Template page;

    public SafetyPlanResource(PlanService plans, @Location("safety-plan.html") Template page) {
        this.plans = plans;
        this.page = page;
    }

    @Schema(name = "SafetyPlan")
    public record SafetyPlanView(UUID id, UUID clientId, int version, SafetyPlan plan, String changedBy,
                                 Instant changedAt) {
        static SafetyPlanView of(SafetyPlanVersion v) {
            return new SafetyPlanView(v.id, v.clientId, v.version, v.content, v.changedBy, v.changedAt);
        }
    }

    @Schema(name = "SafetyPlanVersionSummary")
    public record VersionSummary(UUID id, int version, String changedBy, Instant changedAt) {
    }

    @GET
    @Operation(summary = "The client's current safety plan (the read is recorded); 404 if none or not a client "
            + "of the caller's clinic")
    public SafetyPlanView current(@PathParam("clientId") UUID clientId) {
        return SafetyPlanView.of(plans.readSafetyPlan(clientId, null));
    }

    @PUT
    @Operation(summary = "Write a new version of the client's safety plan")
    public SafetyPlanView revise(@PathParam("clientId") UUID clientId, @Valid @NotNull SafetyPlan plan) {
        return SafetyPlanView.of(plans.reviseSafetyPlan(clientId, plan));
    }

    @GET
    @Path("versions")
    @Operation(summary = "Every version: who and when")
    public List<VersionSummary> versions(@PathParam("clientId") UUID clientId) {
        return plans.safetyPlanVersions(clientId).stream()
                .map(v -> new VersionSummary(v.id, v.version, v.changedBy, v.changedAt)).toList();
    }

    @GET
    @Path("versions/{version}")
    @Operation(summary = "One version (the read is recorded)")
    public SafetyPlanView version(@PathParam("clientId") UUID clientId, @PathParam("version") int version) {
        return SafetyPlanView.of(plans.readSafetyPlan(clientId, version));
    }

    @GET
    @Path("print")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The current plan as a printable page for the client to keep (the read is recorded)")
    public String print(@PathParam("clientId") UUID clientId) {
        SafetyPlanVersion v = plans.readSafetyPlan(clientId, null);
        return page.data("plan", v.content).data("version", v.version).data("date", DAY.format(v.changedAt)).render();
    }
}
