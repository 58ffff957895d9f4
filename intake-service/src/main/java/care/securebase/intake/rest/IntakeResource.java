package care.securebase.intake.rest;

import care.securebase.intake.Intake;
import care.securebase.intake.scoring.Triage;
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
            @NotBlank @Size(max = 100) @Schema(examples = "clara") String clinicianId,
            @NotNull @Size(min = 9, max = 9) @Schema(examples = "[1,1,2,1,0,1,1,0,0]",
                    description = "PHQ-9 answers, items 1-9, each 0-3") List<Integer> phq9,
            Triage.RiskLevel clinicianRiskJudgement) {
    }

    public record ScoreView(String instrument, String scale, int score, String band) {
    }

    public record IntakeView(UUID id, UUID clientId, String clinicId, String clinicianId, Intake.Modality modality,
                             List<ScoreView> scores, Triage.RiskLevel riskLevel, Triage.Priority priority,
                             Instant completedAt) {
        static IntakeView of(Intake i) {
            return new IntakeView(i.id, i.clientId, i.clinicId, i.clinicianId, i.modality,
                    List.of(new ScoreView("PHQ-9", "total", i.phq9Total, i.phq9Band)),
                    i.riskLevel, i.priority, i.completedAt);
        }
    }

    @POST
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "Complete a client's intake: score, propose risk and priority, assign the clinician")
    public Response complete(@PathParam("clientId") UUID clientId, @Valid @NotNull CompleteIntakeRequest request) {
        Intake intake = intakes.complete(clientId, new IntakeService.Completion(request.modality(),
                request.presentingConcerns(), request.clinicianId(), request.phq9(), request.clinicianRiskJudgement()));
        return Response.created(UriBuilder.fromResource(IntakeResource.class).path("{id}").build(clientId, intake.id))
                .entity(IntakeView.of(intake)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "One completed intake of the client")
    public IntakeView get(@PathParam("clientId") UUID clientId, @PathParam("id") UUID id) {
        return IntakeView.of(intakes.visible(clientId, id));
    }
}
