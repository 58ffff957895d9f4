package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.service.TimelineService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/episodes/{id}/timeline")
@Tag(name = "Episodes")
public class TimelineResource {

    private final TimelineService timeline;

    public TimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @Schema(name = "TimelineEntry")
    public record EntryView(Instant at,
                            @Schema(description = "INTAKE, RISK_FLAG, PHASE_CHANGE, SESSION, NOTE_SIGNED, OUTCOME, "
                                    + "TREATMENT_PLAN_VERSION, SAFETY_PLAN_VERSION, REFERRAL_SENT, "
                                    + "REFERRAL_STATUS_CHANGED, REFERRAL_OVERDUE, REMINDER_SENT, BOOSTER_ATTENDED, "
                                    + "BOOSTER_MISSED, FLAG_RAISED, FLAG_CLEARED") String type,
                            @Schema(description = "The intake, session, note, referral, ... it is about") UUID refId,
                            String by,
                            @Schema(description = "Codes and numbers only, never clinical text") Map<String, Object> details) {
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The episode's course in time order: intake and risk flags, phases, sessions, signed notes "
            + "(not their content), outcomes, plan and safety-plan versions, referrals, reminders, boosters, flags")
    public List<EntryView> timeline(@PathParam("id") UUID episodeId) {
        return timeline.of(episodeId).stream()
                .map(e -> new EntryView(e.at(), e.type(), e.refId(), e.by(), e.details())).toList();
    }
}
