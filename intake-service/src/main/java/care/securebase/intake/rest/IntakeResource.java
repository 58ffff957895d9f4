package care.securebase.intake.rest;

import care.securebase.intake.Intake;
import care.securebase.intake.scoring.Triage;
import care.securebase.intake.service.AssignmentService;
import care.securebase.intake.service.IntakeService;
import care.securebase.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/clients/{clientId}/intakes")
@Tag(name = "Intakes")
public class IntakeResource {

    private final IntakeService intakes;

    public IntakeResource(IntakeService intakes) {
        this.intakes = intakes;
    }

    @Schema(name = "CompleteIntake")
    public record CompleteIntakeRequest(
            @NotNull Intake.Modality modality,
            @NotBlank @Size(max = 4000) String presentingConcerns,
            @Size(max = 100) @Schema(examples = "clara",
                    description = "The clinician asked for; left out, the colleague with the most room, or the waitlist")
            String clinicianId,
            @NotNull @Size(min = 9, max = 9) @Schema(examples = "[1,1,2,1,0,1,1,0,0]",
                    description = "PHQ-9 answers, items 1-9, each 0-3") List<Integer> phq9,
            Triage.RiskLevel clinicianRiskJudgement) {
    }

    @Schema(name = "OverridePriority")
    public record OverridePriorityRequest(@NotNull Triage.Priority priority, @NotBlank @Size(max = 1000) String reason) {
    }

    public record ScoreView(String instrument, String scale, int score, String band) {
    }

    public record PriorityOverrideView(String reason, String by, Instant at) {
    }

    public record IntakeView(UUID id, UUID clientId, String clinicId, String clinicianId, Integer waitlistPosition,
                             Intake.Modality modality, List<ScoreView> scores, Triage.RiskLevel riskLevel,
                             Triage.Priority priority, Triage.Priority proposedPriority,
                             PriorityOverrideView priorityOverride, Instant completedAt) {
        static IntakeView of(Intake i, Integer waitlistPosition) {
            return new IntakeView(i.id, i.clientId, i.clinicId, i.clinicianId, waitlistPosition, i.modality,
                    List.of(new ScoreView("PHQ-9", "total", i.phq9Total, i.phq9Band)),
                    i.riskLevel, i.priority, i.proposedPriority,
                    i.priorityOverriddenAt == null ? null
                            : new PriorityOverrideView(i.priorityOverrideReason, i.priorityOverriddenBy,
                                    i.priorityOverriddenAt),
                    i.completedAt);
        }
    }

    @POST
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "Complete a client's intake: score, propose risk and priority, assign a clinician or waitlist")
    public Response complete(@PathParam("clientId") UUID clientId, @Valid @NotNull CompleteIntakeRequest request) {
        IntakeService.Completed done = intakes.complete(clientId, new IntakeService.Completion(request.modality(),
                request.presentingConcerns(), request.clinicianId(), request.phq9(), request.clinicianRiskJudgement()));
        AssignmentService.Placement placement = done.placement();
        return Response.created(UriBuilder.fromResource(IntakeResource.class).path("{id}").build(clientId, done.intake().id))
                .entity(IntakeView.of(done.intake(), placement.waitlistPosition())).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "One completed intake of the client")
    public IntakeView get(@PathParam("clientId") UUID clientId, @PathParam("id") UUID id) {
        return IntakeView.of(intakes.visible(clientId, id), null);
    }

    @POST
    @Path("{id}/priority")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "Override the proposed priority, saying why (kept beside the proposal)")
    public IntakeView overridePriority(@PathParam("clientId") UUID clientId, @PathParam("id") UUID id,
                                       @Valid @NotNull OverridePriorityRequest request) {
        return IntakeView.of(intakes.overridePriority(clientId, id, request.priority(), request.reason()), null);
    }
}
