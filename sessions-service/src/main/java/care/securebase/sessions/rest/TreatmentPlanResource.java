package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.TreatmentPlan;
import care.securebase.sessions.TreatmentPlanVersion;
import care.securebase.sessions.service.PlanService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/episodes/{id}/treatment-plan")
@Tag(name = "Treatment plans")
@RolesAllowed(Roles.CLINICIAN)
public class TreatmentPlanResource {

    private final PlanService plans;

    public TreatmentPlanResource(PlanService plans) {
        this.plans = plans;
    }

    @Schema(name = "TreatmentPlan")
    public record PlanView(UUID episodeId, int version, TreatmentPlan plan, String changedBy, Instant changedAt,
                           @Schema(description = "What this version changed, in field terms")
                           List<String> changes) {
        static PlanView of(TreatmentPlanVersion v) {
            return new PlanView(v.episodeId, v.version, v.content, v.changedBy, v.changedAt, v.changes);
        }
    }

    @Schema(name = "TreatmentPlanVersionSummary")
    public record VersionSummary(int version, String changedBy, Instant changedAt, List<String> changes) {
    }

    @GET
    @Operation(summary = "The current version of the episode's treatment plan (404 if none yet)")
    public PlanView current(@PathParam("id") UUID episodeId) {
        return PlanView.of(plans.currentTreatmentPlan(episodeId));
    }

    @PUT
    @Operation(summary = "Review the plan: writes a new version (objectives keep their id; new ones get one)")
    public PlanView revise(@PathParam("id") UUID episodeId, @Valid @NotNull TreatmentPlan plan) {
        return PlanView.of(plans.reviseTreatmentPlan(episodeId, plan));
    }

    @GET
    @Path("versions")
    @Operation(summary = "Every version: who, when and what changed")
    public List<VersionSummary> versions(@PathParam("id") UUID episodeId) {
        return plans.treatmentPlanVersions(episodeId).stream()
                .map(v -> new VersionSummary(v.version, v.changedBy, v.changedAt, v.changes)).toList();
    }

    @GET
    @Path("versions/{version}")
    @Operation(summary = "One version of the plan")
    public PlanView version(@PathParam("id") UUID episodeId, @PathParam("version") int version) {
        return PlanView.of(plans.treatmentPlanVersion(episodeId, version));
    }
}
