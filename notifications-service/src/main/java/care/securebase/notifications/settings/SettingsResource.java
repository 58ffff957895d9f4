package care.securebase.notifications.settings;

import care.securebase.kit.security.Caller;
import care.securebase.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/settings")
@Tag(name = "Clinic settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Schema(name = "ClinicSettings", description = "How and when the caller's clinic reminds its clients")
    public record SettingsView(
            @Schema(examples = "northside") String clinicId,
            @Schema(examples = "[\"P7D\", \"P1D\"]", description = "How long before each booster a reminder goes out")
            List<String> leadTimes,
            @Schema(examples = "[\"P1D\"]", description = "How long before each scheduled session a reminder goes out")
            List<String> appointmentLeadTimes,
            @Schema(examples = "21:00", description = "Start of quiet hours, in each client's own time zone")
            String quietStart,
            @Schema(examples = "08:00", description = "End of quiet hours (exclusive); may be past midnight")
            String quietEnd,
            @Schema(examples = "en", description = "Language of messages when the client's is unknown")
            String defaultLanguage,
            @Schema(description = "false while the clinic uses the service's defaults") boolean custom,
            Instant updatedAt,
            String updatedBy) {

        static SettingsView of(Settings s) {
            return new SettingsView(s.clinicId(), s.leadTimes().stream()
                    .map(care.securebase.notifications.scheduling.ReminderSchedule::label).toList(),
                    s.appointmentLeadTimes().stream()
                            .map(care.securebase.notifications.scheduling.ReminderSchedule::label).toList(),
                    s.quietStart().toString(), s.quietEnd().toString(), s.defaultLanguage(), s.updatedAt() != null,
                    s.updatedAt(), s.updatedBy());
        }
    }

    @Schema(name = "ClinicSettingsUpdate")
    public record SettingsUpdate(
            @NotEmpty @Size(max = 5) @Schema(examples = "[\"P7D\", \"P1D\"]") List<@NotBlank String> leadTimes,
            @Size(min = 1, max = 5) @Schema(examples = "[\"P1D\"]",
                    description = "Session reminders' lead times; left out, they stay as they are")
            List<@NotBlank String> appointmentLeadTimes,
            @NotBlank @Schema(examples = "21:00") String quietStart,
            @NotBlank @Schema(examples = "08:00") String quietEnd,
            @NotBlank @Size(max = 20) @Schema(examples = "en") String defaultLanguage) {
    }

    private final SettingsService settings;
    private final Caller caller;

    public SettingsResource(SettingsService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.INTAKE_COORDINATOR, Roles.CARE_COORDINATOR})
    @Operation(summary = "The caller's clinic's reminder settings (the defaults until a clinic-admin sets them)")
    public SettingsView get() {
        return SettingsView.of(settings.of(caller.requireClinic()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Operation(summary = "Sets the caller's clinic's lead times (boosters', sessions'), quiet hours and default language",
            description = "Reminders planned from then on use the new lead times; quiet hours apply at sending.")
    public SettingsView put(@Valid @NotNull SettingsUpdate update) {
        return SettingsView.of(settings.update(caller.requireClinic(), update.leadTimes(), update.appointmentLeadTimes(),
                update.quietStart(),
                update.quietEnd(), update.defaultLanguage(), caller.id()));
    }
}
