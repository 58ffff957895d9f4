package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.CheckInCadence;
import care.securebase.sessions.CheckInSchedule;
import care.securebase.sessions.service.CheckInScheduleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/episodes/{id}/check-in-schedule")
@Tag(name = "Check-ins")
public class CheckInScheduleResource {

    /** How many upcoming due times the view lists. */
    static final int UPCOMING = 5;

    private final CheckInScheduleService schedules;

    public CheckInScheduleResource(CheckInScheduleService schedules) {
        this.schedules = schedules;
    }

    @Schema(name = "CheckInScheduleUpdate")
    public record ScheduleRequest(
            @NotEmpty @Size(max = CheckInScheduleService.MAX_INSTRUMENTS)
            @Schema(description = "Instruments the client fills in (those whose item text may be shown: PHQ-9, "
                    + "GAD-7, PCL-5)", examples = "[\"PHQ-9\"]")
            List<@NotBlank @Size(max = 30) String> instruments,
            @NotNull @Schema(examples = "WEEKLY") CheckInCadence.Frequency frequency,
            @Size(max = CheckInCadence.MAX_DATES)
            @Schema(description = "DATES only (leave out otherwise): the dates, from today to until; each falls due "
                    + "at 09:00 UTC") List<LocalDate> dates,
            @NotNull @Schema(description = "The last day a check-in may fall due", examples = "2030-06-30")
            LocalDate until,
            @NotNull @Schema(description = "List the maintenance plan's warning signs (\"which did you notice?\")",
                    examples = "true") Boolean includeWarningSigns,
            @NotNull @Schema(description = "List the plan's coping tools (\"which did you use?\")", examples = "true")
            Boolean includeCopingTools,
            @NotNull @Schema(description = "Offer the reflective diary", examples = "true") Boolean diaryPrompt,
            @Min(0) @Max(CheckInScheduleService.MAX_THRESHOLD)
            @Schema(description = "Warning signs noticed at or above this count raise a WARNING_SIGNS flag "
                    + "(at least 1 when warning signs are asked; left out: 2)", examples = "2")
            Integer warningSignThreshold) {
    }

    @Schema(name = "CheckInSchedule")
    public record ScheduleView(UUID id, UUID episodeId, List<String> instruments, CheckInCadence.Frequency frequency,
                               List<LocalDate> dates, LocalDate until, boolean includeWarningSigns,
                               boolean includeCopingTools, boolean diaryPrompt, int warningSignThreshold,
                               @Schema(description = "The next check-ins to fall due") List<Instant> upcoming,
                               String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
        static ScheduleView of(CheckInSchedule s) {
            List<Instant> upcoming = new java.util.ArrayList<>();
            for (int seq = s.nextSeq; upcoming.size() < UPCOMING; seq++) {
                var due = CheckInCadence.dueAt(s.frequency, s.dates, s.anchorAt, seq, s.until);
                if (due.isEmpty()) {
                    break;
                }
                upcoming.add(due.get());
            }
            return new ScheduleView(s.id, s.episodeId, s.instruments, s.frequency, s.dates, s.until,
                    s.includeWarningSigns, s.includeCopingTools, s.diaryPrompt, s.warningSignThreshold, upcoming,
                    s.createdBy, s.createdAt, s.updatedBy, s.updatedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The episode's check-in schedule in force (404 when none)")
    public ScheduleView get(@PathParam("id") UUID id) {
        return ScheduleView.of(schedules.get(id));
    }

    @PUT
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Set or change the episode's check-in schedule (active treatment or maintenance; 409 "
            + "otherwise). The first check-in falls due at once, later ones one period after the last")
    public ScheduleView put(@PathParam("id") UUID id, @Valid @NotNull ScheduleRequest r) {
        return ScheduleView.of(schedules.put(id, new CheckInScheduleService.ScheduleRequest(r.instruments(),
                r.frequency(), r.dates(), r.until(), r.includeWarningSigns(), r.includeCopingTools(), r.diaryPrompt(),
                r.warningSignThreshold() == null ? (r.includeWarningSigns() ? 2 : 0) : r.warningSignThreshold())));
    }

    @DELETE
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Stop the schedule: open check-ins' links die, check-ins-ended is published (404 when none)")
    public Response stop(@PathParam("id") UUID id) {
        schedules.stop(id);
        return Response.noContent().build();
    }
}
