package care.securebase.intake.rest;

import care.securebase.intake.Intake;
import care.securebase.intake.IntakeInstrument;
import care.securebase.intake.scoring.Triage;
import care.securebase.intake.service.AssignmentService;
import care.securebase.intake.service.IntakeService;
import care.securebase.kit.input.PersonName;
import care.securebase.kit.input.Text;
import care.securebase.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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

    @Schema(name = "AdministeredInstrument")
    public record AdministeredInstrument(
            @NotBlank @Size(max = 40) @Schema(examples = "GAD-7") String code,
            @Positive @Schema(description = "Defaults to the latest version") Integer version,
            @NotNull @Size(max = 60) @Schema(examples = "[1,2,1,0,1,1,0]",
                    description = "Answers in item order, item 1 first") List<Integer> answers) {
    }

    @Schema(name = "Attendee")
    public record AttendeeRequest(@NotNull Intake.Relationship relationship,
                                  @NotBlank @Size(max = 200) @PersonName String name) {
    }

    @Schema(name = "CompleteIntake")
    public record CompleteIntakeRequest(
            @NotNull @Schema(description = "The modality asked for") Intake.Modality modality,
            @Size(max = 8) @Schema(description = "Who else would attend couple or family sessions")
            List<@Valid @NotNull AttendeeRequest> attendees,
            @NotBlank @Size(max = 4000) String presentingConcerns,
            @Size(max = 12) List<Intake.@NotNull RelationalTheme> relationalThemes,
            @Size(max = 4000) String relationalHistory,
            @Size(max = 20) @Schema(description = "Known triggers under relational stress")
            List<@NotBlank @Size(max = 200) String> triggers,
            @Size(max = 20) @Schema(description = "Bodily responses under relational stress")
            List<@NotBlank @Size(max = 200) String> bodilyResponses,
            @Size(max = 2000) String currentFunctioning,
            @Size(max = 100) @Schema(examples = "clara",
                    description = "The clinician asked for; left out, the colleague with the most room, or the waitlist")
            String clinicianId,
            @Size(max = 10) @Schema(examples = "[1,1,2,1,0,1,1,0,0]",
                    description = "Shorthand for a PHQ-9 among the instruments: items 1-9 (and optionally 10), each 0-3")
            List<Integer> phq9,
            @Size(max = 10) List<@Valid @NotNull AdministeredInstrument> instruments,
            Triage.RiskLevel clinicianRiskJudgement) {

        IntakeService.Assessment toAssessment() {
            List<IntakeService.Administered> given = new ArrayList<>();
            if (phq9 != null) {
                given.add(new IntakeService.Administered("phq9", "PHQ-9", null, phq9));
            }
            if (instruments != null) {
                for (int i = 0; i < instruments.size(); i++) {
                    AdministeredInstrument a = instruments.get(i);
                    given.add(new IntakeService.Administered("instruments[" + i + "]", a.code(), a.version(), a.answers()));
                }
            }
            return new IntakeService.Assessment(modality,
                    attendees == null ? List.of() : attendees.stream()
                            .map(a -> new Intake.Attendee(a.relationship(), Text.nfc(a.name()))).toList(),
                    presentingConcerns, orEmpty(relationalThemes), relationalHistory, orEmpty(triggers),
                    orEmpty(bodilyResponses), currentFunctioning, given, clinicianId, clinicianRiskJudgement);
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }

    @Schema(name = "OverridePriority")
    public record OverridePriorityRequest(@NotNull Triage.Priority priority, @NotBlank @Size(max = 1000) String reason) {
    }

    public record ScoreView(String instrument, int version, String scale, BigDecimal score, String band) {
    }

    public record PriorityOverrideView(String reason, String by, Instant at) {
    }

    public record IntakeView(UUID id, UUID clientId, String clinicId, String clinicianId, Integer waitlistPosition,
                             Intake.Modality modality, List<ScoreView> scores, Triage.RiskLevel riskLevel,
                             String riskSource, Triage.Priority priority, Triage.Priority proposedPriority,
                             PriorityOverrideView priorityOverride, Instant completedAt) {
        static IntakeView of(Intake i, List<IntakeInstrument> instruments, Integer waitlistPosition) {
            List<ScoreView> scores = instruments.stream()
                    .flatMap(n -> n.scores.stream().map(s -> new ScoreView(n.code, n.version, s.scale(), s.value(), s.band())))
                    .toList();
            return new IntakeView(i.id, i.clientId, i.clinicId, i.clinicianId, waitlistPosition, i.modality, scores,
                    i.riskLevel, i.riskSource, i.priority, i.proposedPriority,
                    i.priorityOverriddenAt == null ? null
                            : new PriorityOverrideView(i.priorityOverrideReason, i.priorityOverriddenBy,
                                    i.priorityOverriddenAt),
                    i.completedAt);
        }

        static IntakeView of(Intake i) {
            return of(i, IntakeInstrument.of(i.id), null);
        }
    }

    @POST
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "Complete a client's intake: score, propose risk and priority, assign a clinician or waitlist")
    public Response complete(@PathParam("clientId") UUID clientId, @Valid @NotNull CompleteIntakeRequest request) {
        IntakeService.Completed done = intakes.complete(clientId, request.toAssessment());
        AssignmentService.Placement placement = done.placement();
        return Response.created(UriBuilder.fromResource(IntakeResource.class).path("{id}").build(clientId, done.intake().id))
                .entity(IntakeView.of(done.intake(), done.instruments(), placement.waitlistPosition())).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "One completed intake of the client")
    public IntakeView get(@PathParam("clientId") UUID clientId, @PathParam("id") UUID id) {
        return IntakeView.of(intakes.visible(clientId, id));
    }

    @POST
    @Path("{id}/priority")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN})
    @Operation(summary = "Override the proposed priority, saying why (kept beside the proposal)")
    public IntakeView overridePriority(@PathParam("clientId") UUID clientId, @PathParam("id") UUID id,
                                       @Valid @NotNull OverridePriorityRequest request) {
        return IntakeView.of(intakes.overridePriority(clientId, id, request.priority(), request.reason()));
    }
}
