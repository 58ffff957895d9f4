package care.securebase.intake.rest;

import care.securebase.intake.Client;
import care.securebase.intake.Clinician;
import care.securebase.intake.WaitlistEntry;
import care.securebase.intake.scoring.Triage;
import care.securebase.intake.service.AssignmentService;
import care.securebase.kit.input.PersonName;
import care.securebase.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who can take new clients, and who waits for a place. */
@Path("/")
@Tag(name = "Assignment and waitlist")
public class TriageResource {

    private final AssignmentService assignments;

    public TriageResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Schema(name = "Clinician")
    public record ClinicianRequest(
            @NotBlank @Size(max = 200) @PersonName @Schema(examples = "Clara Moreau") String displayName,
            @Size(max = 50) @Schema(description = "Defaults to the caller's clinic") String clinicId,
            @Min(0) @Max(200) int caseloadLimit,
            boolean onCall,
            @NotNull Boolean active) {
    }

    public record ClinicianView(String id, String clinicId, String displayName, int caseloadLimit, long caseload,
                                boolean onCall, boolean active) {
        static ClinicianView of(Clinician c) {
            return of(c, c.caseload());
        }

        static ClinicianView of(Clinician c, long caseload) {
            return new ClinicianView(c.id, c.clinicId, c.displayName, c.caseloadLimit, caseload, c.onCall, c.active);
        }
    }

    public record WaitlistView(int position, UUID clientId, String name, UUID intakeId, Triage.Priority priority,
                               Instant since) {
    }

    @GET
    @Path("clinicians")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The clinic's clinicians with their caseload and limit")
    public List<ClinicianView> clinicians(@QueryParam("clinicId") String clinicId) {
        List<Clinician> clinicians = assignments.clinicians(clinicId);
        Map<String, Long> caseloads = Clinician.caseloads(clinicians.stream().map(c -> c.id).toList());
        return clinicians.stream().map(c -> ClinicianView.of(c, caseloads.getOrDefault(c.id, 0L))).toList();
    }

    @PUT
    @Path("clinicians/{id}")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Operation(summary = "Add or update a clinician (id is their login name) with a caseload limit")
    public ClinicianView saveClinician(@PathParam("id") @Pattern(regexp = "[a-z0-9._-]{1,100}") String id,
                                       @Valid @NotNull ClinicianRequest request) {
        return ClinicianView.of(assignments.saveClinician(id, request.clinicId(), request.displayName(),
                request.caseloadLimit(), request.onCall(), request.active()));
    }

    @GET
    @Path("waitlist")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The clinic's waitlist in order: urgent first, then who has waited longest; "
            + "a place freed by a discharge or a raised caseload limit goes to the first")
    public List<WaitlistView> waitlist(@QueryParam("clinicId") String clinicId) {
        List<WaitlistEntry> entries = assignments.waitlist(clinicId);
        List<WaitlistView> views = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            WaitlistEntry e = entries.get(i);
            Client client = Client.findById(e.clientId);
            views.add(new WaitlistView(i + 1, e.clientId, client.nameToUse(), e.intakeId, e.priority, e.addedAt));
        }
        return views;
    }
}
