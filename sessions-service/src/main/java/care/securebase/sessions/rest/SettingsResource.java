package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.CheckInCadence;
import care.securebase.sessions.ClinicSettings;
import care.securebase.sessions.NoteFormat;
import care.securebase.sessions.Practitioner;
import care.securebase.sessions.service.SettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Clinic settings")
public class SettingsResource {

    private final SettingsService settings;

    public SettingsResource(SettingsService settings) {
        this.settings = settings;
    }

    @Schema(name = "ClinicSettings")
    public record SettingsView(String clinicId,
                               @Schema(description = "The format new notes take") NoteFormat noteFormat,
                               @Schema(description = "A draft is overdue this many days after its session began")
                               int overdueNoteDays,
                               @Schema(description = "Hours a check-in's link lives after it falls due")
                               int checkInExpiryHours,
                               @Schema(description = "Check-ins expired unanswered in a row that raise a MISSED_CHECK_INS flag")
                               int missedCheckInsFlag,
                               @Schema(description = "The cadence of the check-in schedule a new maintenance plan starts "
                                       + "(PHQ-9, the plan's warning signs and coping tools, the diary); null: none")
                               CheckInCadence.Frequency maintenanceCheckIns,
                               @Schema(description = "Told at once of a risk answer on a check-in; null: nobody")
                               String onCallClinicianId,
                               @Schema(description = "Null while the clinic uses the defaults") String updatedBy,
                               Instant updatedAt) {
        static SettingsView of(ClinicSettings s) {
            return new SettingsView(s.clinicId, s.noteFormat, s.overdueNoteDays, s.checkInExpiryHours,
                    s.missedCheckInsFlag, s.maintenanceCheckIns, s.onCallClinicianId, s.updatedBy, s.updatedAt);
        }
    }

    @Schema(name = "ClinicSettingsUpdate")
    public record SettingsRequest(@NotNull @Schema(examples = "SOAP") NoteFormat noteFormat,
                                  @NotNull @Min(1) @Max(60) @Schema(examples = "3") Integer overdueNoteDays,
                                  @Min(1) @Max(336) @Schema(description = "Left out: unchanged (default 72)",
                                          examples = "72") Integer checkInExpiryHours,
                                  @Min(1) @Max(20) @Schema(description = "Left out: unchanged (default 3)",
                                          examples = "3") Integer missedCheckInsFlag,
                                  @Schema(description = "WEEKLY, FORTNIGHTLY or MONTHLY; left out: unchanged; "
                                          + "NONE: maintenance plans start no schedule", examples = "MONTHLY")
                                  MaintenanceCheckIns maintenanceCheckIns,
                                  @Size(max = 100) @Schema(description = "A clinician of the clinic; left out: "
                                          + "unchanged; empty: nobody", examples = "clara") String onCallClinicianId) {
    }

    public enum MaintenanceCheckIns { NONE, WEEKLY, FORTNIGHTLY, MONTHLY }

    @Schema(name = "Practitioner")
    public record PractitionerView(String id, String clinicId, boolean trainee, boolean supervisor,
                                   String supervisorId, String updatedBy, Instant updatedAt) {
        static PractitionerView of(Practitioner p) {
            return new PractitionerView(p.id, p.clinicId, p.trainee, p.supervisor, p.supervisorId, p.updatedBy,
                    p.updatedAt);
        }
    }

    @Schema(name = "PractitionerUpdate")
    public record PractitionerRequest(
            @NotBlank @Size(max = 50) @Schema(description = "The admin's own clinic", examples = "northside") String clinicId,
            @NotNull @Schema(examples = "true") Boolean trainee,
            @NotNull @Schema(examples = "false") Boolean supervisor,
            @Size(max = 100) @Schema(description = "Required for a trainee: a supervisor of the clinic",
                    examples = "clara") String supervisorId) {
    }

    @GET
    @Path("settings")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The caller's clinic's note settings (defaults DAP, 3 days until a draft is overdue)")
    public SettingsView get() {
        return SettingsView.of(settings.settings());
    }

    @PUT
    @Path("settings")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Operation(summary = "Set the caller's clinic's note format and overdue days (existing notes keep their format) "
            + "and its check-in rules")
    public SettingsView put(@Valid @NotNull SettingsRequest request) {
        return SettingsView.of(settings.update(request.noteFormat(), request.overdueNoteDays(),
                new SettingsService.CheckInSettings(request.checkInExpiryHours(), request.missedCheckInsFlag(),
                        request.maintenanceCheckIns() == null ? null : request.maintenanceCheckIns().name(),
                        request.onCallClinicianId())));
    }

    @GET
    @Path("practitioners")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "Trainees and supervisors of the caller's clinic (clinicians without a record are neither)")
    public List<PractitionerView> practitioners() {
        return settings.practitioners().stream().map(PractitionerView::of).toList();
    }

    @PUT
    @Path("practitioners/{id}")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Operation(summary = "Record a clinician of the admin's clinic as trainee (with supervisor) or supervisor")
    public PractitionerView putPractitioner(@PathParam("id") @Size(max = 100) String id,
                                            @Valid @NotNull PractitionerRequest request) {
        return PractitionerView.of(settings.put(id, request.clinicId(), request.trainee(), request.supervisor(),
                request.supervisorId()));
    }
}
