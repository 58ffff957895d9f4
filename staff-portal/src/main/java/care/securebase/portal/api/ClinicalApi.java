package care.securebase.portal.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * sessions-service's clinical work: caseload, timeline, sessions, notes, treatment and safety plans,
 * outcomes, boosters and flags. The same service as {@link SessionsApi} (episodes and their phases);
 * kept apart because these paths start at the service's root. Records mirror the service's JSON
 * field for field; enums are strings.
 */
@Path("/")
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "sessions")
public interface ClinicalApi {

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        return ServiceFailure.of(SessionsApi.SERVICE, response);
    }

    // --- Caseload, flags, timeline ---------------------------------------------------------------

    /** A page of the caseload, those needing attention first; the total of all pages is in {@code X-Total-Count}. */
    @GET
    @Path("caseload")
    RestResponse<List<CaseloadRow>> caseload(@QueryParam("clinicianId") String clinicianId, @QueryParam("page") int page,
                                             @QueryParam("size") int size);

    @GET
    @Path("episodes/{id}/flags")
    List<Flag> flags(@PathParam("id") String episodeId, @QueryParam("open") boolean open);

    @POST
    @Path("flags/{id}/clear")
    Flag clearFlag(@PathParam("id") String flagId);

    @GET
    @Path("episodes/{id}/timeline")
    List<TimelineEntry> timeline(@PathParam("id") String episodeId);

    @GET
    @Path("settings")
    Settings settings();

    @GET
    @Path("practitioners")
    List<Practitioner> practitioners();

    // --- Sessions and notes ----------------------------------------------------------------------

    @GET
    @Path("episodes/{id}/sessions")
    List<Session> sessions(@PathParam("id") String episodeId);

    @POST
    @Path("episodes/{id}/sessions")
    Session schedule(@PathParam("id") String episodeId, NewSession request);

    @GET
    @Path("sessions/{id}")
    Session session(@PathParam("id") String sessionId);

    @POST
    @Path("sessions/{id}/status")
    Session sessionStatus(@PathParam("id") String sessionId, StatusChange request);

    @POST
    @Path("sessions/{id}/note")
    Note startNote(@PathParam("id") String sessionId, NoteContent content);

    @GET
    @Path("notes/{id}")
    Note note(@PathParam("id") String noteId);

    @PUT
    @Path("notes/{id}")
    Note saveNote(@PathParam("id") String noteId, NoteContent content);

    @POST
    @Path("notes/{id}/sign")
    Note sign(@PathParam("id") String noteId);

    @POST
    @Path("notes/{id}/cosign")
    Note cosign(@PathParam("id") String noteId);

    @POST
    @Path("notes/{id}/addenda")
    Addendum addendum(@PathParam("id") String noteId, NewAddendum request);

    @GET
    @Path("notes/overdue")
    List<OverdueNote> overdueNotes(@QueryParam("authorId") String authorId);

    @GET
    @Path("notes/awaiting-cosign")
    List<AwaitingCosign> awaitingCosign();

    // --- Plans -----------------------------------------------------------------------------------

    @GET
    @Path("episodes/{id}/treatment-plan")
    TreatmentPlanView treatmentPlan(@PathParam("id") String episodeId);

    @PUT
    @Path("episodes/{id}/treatment-plan")
    TreatmentPlanView reviseTreatmentPlan(@PathParam("id") String episodeId, TreatmentPlan plan);

    @GET
    @Path("episodes/{id}/treatment-plan/versions")
    List<VersionSummary> treatmentPlanVersions(@PathParam("id") String episodeId);

    @GET
    @Path("episodes/{id}/treatment-plan/versions/{n}")
    TreatmentPlanView treatmentPlanVersion(@PathParam("id") String episodeId, @PathParam("n") int version);

    @GET
    @Path("clients/{clientId}/safety-plan")
    SafetyPlanView safetyPlan(@PathParam("clientId") String clientId);

    @PUT
    @Path("clients/{clientId}/safety-plan")
    SafetyPlanView reviseSafetyPlan(@PathParam("clientId") String clientId, SafetyPlan plan);

    @GET
    @Path("clients/{clientId}/safety-plan/versions")
    List<VersionSummary> safetyPlanVersions(@PathParam("clientId") String clientId);

    @GET
    @Path("clients/{clientId}/safety-plan/versions/{n}")
    SafetyPlanView safetyPlanVersion(@PathParam("clientId") String clientId, @PathParam("n") int version);

    /** The service's own printable page (HTML), passed through as it is. */
    @GET
    @Path("clients/{clientId}/safety-plan/print")
    @Produces(MediaType.TEXT_HTML)
    String safetyPlanPrint(@PathParam("clientId") String clientId);

    // --- Outcomes, boosters ----------------------------------------------------------------------

    @GET
    @Path("episodes/{id}/outcomes")
    List<Trajectory> outcomes(@PathParam("id") String episodeId);

    @POST
    @Path("episodes/{id}/outcomes")
    Recorded recordOutcome(@PathParam("id") String episodeId, Administration request);

    @PUT
    @Path("episodes/{id}/maintenance/boosters")
    List<SessionsApi.Booster> editBoosters(@PathParam("id") String episodeId, BoosterSchedule request);

    @POST
    @Path("episodes/{id}/maintenance/warning-signs")
    Flag warningSigns(@PathParam("id") String episodeId, WarningSigns request);

    @POST
    @Path("boosters/{id}/attended")
    SessionsApi.Booster boosterAttended(@PathParam("id") String boosterId);

    @POST
    @Path("boosters/{id}/missed")
    SessionsApi.Booster boosterMissed(@PathParam("id") String boosterId);

    // --- Check-ins ---------------------------------------------------------------------------------

    /** The episode's check-in schedule; 404 when it has none. */
    @GET
    @Path("episodes/{id}/check-in-schedule")
    CheckInSchedule checkInSchedule(@PathParam("id") String episodeId);

    @PUT
    @Path("episodes/{id}/check-in-schedule")
    CheckInSchedule setCheckInSchedule(@PathParam("id") String episodeId, CheckInSchedule schedule);

    /** Stops the schedule: no more check-ins fall due. */
    @DELETE
    @Path("episodes/{id}/check-in-schedule")
    void stopCheckIns(@PathParam("id") String episodeId);

    /** A page of the episode's check-ins, newest first; the total in {@code X-Total-Count}. */
    @GET
    @Path("episodes/{id}/check-ins")
    RestResponse<List<CheckInRow>> checkIns(@PathParam("id") String episodeId, @QueryParam("page") int page,
                                            @QueryParam("size") int size);

    /** One check-in with its answers: clinical content, each read recorded by the service like a note's. */
    @GET
    @Path("check-ins/{id}")
    CheckInAnswers checkIn(@PathParam("id") String checkInId);

    // --- Records ---------------------------------------------------------------------------------

    List<String> FLAG_KINDS = List.of("RISK", "DETERIORATION", "MISSED_BOOSTER", "WARNING_SIGN", "MISSED_CHECK_INS",
            "OVERDUE_REFERRAL");
    List<String> CHECK_IN_FREQUENCIES = List.of("WEEKLY", "FORTNIGHTLY", "MONTHLY", "DATES");
    List<String> SESSION_MODALITIES = List.of("INDIVIDUAL", "COUPLE", "FAMILY", "GROUP");
    List<String> ATTENDEE_ROLES = List.of("PARTNER", "FAMILY_MEMBER", "CAREGIVER");
    List<String> RISK_LEVELS = List.of("NONE", "LOW", "MODERATE", "HIGH");
    List<String> RUPTURE_KINDS = List.of("WITHDRAWAL", "CONFRONTATION", "OTHER");
    List<String> OBJECTIVE_STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "ACHIEVED", "DISCONTINUED");
    List<String> INTERVENTION_KINDS = List.of("EMOTIONALLY_FOCUSED", "NARRATIVE", "MINDFULNESS", "REGULATION_SKILLS",
            "FAMILY_SESSIONS", "PARENTAL_COACHING", "OTHER");

    record CaseloadRow(String clientId, String episodeId, String clinicianId, String phase, NextSession nextSession,
                       Instant nextBooster, long overdueNotes, Map<String, Long> openFlags) {
        public CaseloadRow {
            openFlags = openFlags == null ? Map.of() : openFlags;
        }

        public long flagCount() {
            return openFlags.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    record Flag(String id, String kind, String episodeId, String clientId, String sourceRef, String detail,
                Instant raisedAt, Instant clearedAt, String clearedBy) {
    }

    record TimelineEntry(Instant at, String type, String refId, String by, Map<String, Object> details) {
        public TimelineEntry {
            details = details == null ? Map.of() : details;
        }
    }

    record Settings(String clinicId, String noteFormat, int overdueNoteDays) {
    }

    record Practitioner(String id, String clinicId, boolean trainee, boolean supervisor, String supervisorId) {
    }

    record Attendee(String role, String name) {
    }

    record Session(String id, String episodeId, String clientId, String clinicId, String clinicianId, String status,
                   String modality, List<Attendee> attendees, boolean telehealth, Instant plannedStart,
                   int lengthMinutes, Instant statusChangedAt, String statusChangedBy, List<String> nextStatuses,
                   String noteId, String noteStatus) {
        public Session {
            attendees = attendees == null ? List.of() : attendees;
            nextStatuses = nextStatuses == null ? List.of() : nextStatuses;
        }

        public boolean canBecome(String status) {
            return nextStatuses.contains(status);
        }

        /** A note can be started for a session that happened (attended) or was missed (no-show). */
        public boolean noteable() {
            return "ATTENDED".equals(status) || "NO_SHOW".equals(status);
        }
    }

    /** Times travel as the instant the portal made of the date and time typed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewSession(Instant plannedStart, Integer lengthMinutes, String modality, Boolean telehealth,
                      List<Attendee> attendees) {
    }

    record StatusChange(String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rupture(String kind, Boolean repaired, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Homework(String set, String reviewed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RiskCheck(String level, String text) {
    }

    record ObjectiveProgress(String objectiveId, String progress) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NoteContent(Map<String, String> sections, List<String> triggers, Rupture rupture,
                       List<String> regulationSkills, Homework homework, RiskCheck riskCheck,
                       List<ObjectiveProgress> objectiveProgress) {
        public NoteContent {
            sections = sections == null ? Map.of() : sections;
            triggers = triggers == null ? List.of() : triggers;
            regulationSkills = regulationSkills == null ? List.of() : regulationSkills;
            objectiveProgress = objectiveProgress == null ? List.of() : objectiveProgress;
        }
    }

    record Addendum(String id, String authorId, Instant createdAt, String text) {
    }

    record NewAddendum(String text) {
    }

    record Note(String id, String sessionId, String episodeId, String clientId, String authorId, String format,
                List<String> sections, String status, NoteContent content, Instant createdAt, Instant updatedAt,
                Instant signedAt, String cosignedBy, Instant cosignedAt, List<Addendum> addenda) {
        public Note {
            sections = sections == null ? List.of() : sections;
            addenda = addenda == null ? List.of() : addenda;
            content = content == null ? new NoteContent(null, null, null, null, null, null, null) : content;
        }

        public boolean draft() {
            return "DRAFT".equals(status);
        }

        public boolean awaitingCosign() {
            return "AWAITING_COSIGN".equals(status);
        }
    }

    record AwaitingCosign(String noteId, String sessionId, String episodeId, String clientId, String authorId,
                          Instant sessionStart, Instant signedAt) {
    }

    record OverdueNote(String noteId, String sessionId, String episodeId, String clientId, String authorId,
                       Instant sessionStart, Instant createdAt, Instant dueBy) {
    }

    record Milestone(String description, String reachedOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Objective(String id, String description, String status, String targetDate, List<Milestone> milestones) {
        public Objective {
            milestones = milestones == null ? List.of() : milestones;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Intervention(String kind, String detail) {
    }

    /** Dates travel as text (ISO): the service reads them and names a field it cannot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TreatmentPlan(List<String> goals, List<Objective> objectives, List<Intervention> interventions,
                         String reviewBy) {
        public TreatmentPlan {
            goals = goals == null ? List.of() : goals;
            objectives = objectives == null ? List.of() : objectives;
            interventions = interventions == null ? List.of() : interventions;
        }
    }

    record TreatmentPlanView(String episodeId, int version, TreatmentPlan plan, String changedBy, Instant changedAt,
                             List<String> changes) {
        public TreatmentPlanView {
            changes = changes == null ? List.of() : changes;
        }
    }

    record VersionSummary(String id, int version, String changedBy, Instant changedAt, List<String> changes) {
        public VersionSummary {
            changes = changes == null ? List.of() : changes;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contact(String name, String contact) {
    }

    record SafetyPlan(List<String> warningSigns, List<String> copingStrategies, List<Contact> peopleAndPlaces,
                      List<Contact> helpers, List<Contact> professionals, List<String> saferEnvironment) {
        public SafetyPlan {
            warningSigns = warningSigns == null ? List.of() : warningSigns;
            copingStrategies = copingStrategies == null ? List.of() : copingStrategies;
            peopleAndPlaces = peopleAndPlaces == null ? List.of() : peopleAndPlaces;
            helpers = helpers == null ? List.of() : helpers;
            professionals = professionals == null ? List.of() : professionals;
            saferEnvironment = saferEnvironment == null ? List.of() : saferEnvironment;
        }
    }

    record SafetyPlanView(String id, String clientId, int version, SafetyPlan plan, String changedBy,
                          Instant changedAt) {
    }

    /** {@code selfReported}: the client's own answers in a check-in, not an administration by staff. */
    record Point(Instant at, BigDecimal value, String band, boolean intake, boolean selfReported) {
        public Point(Instant at, BigDecimal value, String band, boolean intake) {
            this(at, value, band, intake, false);
        }
    }

    record Trajectory(String instrument, String scale, List<Point> trajectory, Point baseline, Point latest,
                      String reliableChange) {
        public Trajectory {
            trajectory = trajectory == null ? List.of() : trajectory;
        }
    }

    record Administration(String instrument, Integer version, List<Integer> answers) {
    }

    record Recorded(String administrationId, String instrument, int version, List<Trajectory> trajectories) {
    }

    record BoosterSlot(String id, Instant dueAt) {
    }

    record BoosterSchedule(List<BoosterSlot> boosters) {
    }

    /** Positions (0-based) of the maintenance plan's relapse warning signs the client reported. */
    record WarningSigns(List<Integer> reported) {
    }

    /**
     * The caseload's next session with the client's answer to its reminder: CONFIRMED, NOT_CONFIRMED
     * or CANCEL_REQUESTED. Read from the object, or from a bare instant as sessions-service sent it
     * before reminders carried a confirmation.
     */
    record NextSession(String id, Instant startsAt, String confirmation) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static NextSession ofInstant(String startsAt) {
            return new NextSession(null, Instant.parse(startsAt), null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public NextSession(@JsonProperty("id") String id,
                           @JsonProperty("startsAt") Instant startsAt,
                           @JsonProperty("confirmation") String confirmation) {
            this.id = id;
            this.startsAt = startsAt;
            this.confirmation = confirmation;
        }
    }

    /** A check-in schedule as sessions-service takes and gives it; dates travel as ISO text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckInSchedule(List<String> instruments, String frequency, List<String> dates, String until,
                           Boolean includeWarningSigns, Boolean includeCopingTools, Boolean diaryPrompt,
                           Integer warningSignThreshold,
                           @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
                           List<Instant> upcoming) {
        public CheckInSchedule {
            instruments = instruments == null ? List.of() : instruments;
            upcoming = upcoming == null ? List.of() : upcoming;
        }

        /** The given dates (DATES only; left out of the request otherwise). */
        public List<String> givenDates() {
            return dates == null ? List.of() : dates;
        }
    }

    record CheckInRow(String id, Instant dueAt, Instant sentAt, Instant expiresAt, String status, Instant answeredAt,
                      Map<String, BigDecimal> totals, List<String> flags) {
        public CheckInRow {
            totals = totals == null ? Map.of() : totals;
            flags = flags == null ? List.of() : flags;
        }
    }

    /** One answered item: the question's text where the licence allows, the answer's value and label. */
    record AnsweredItem(int number, String text, Integer answer, String answerLabel) {
    }

    record Score(String scale, BigDecimal value, String band) {
    }

    record InstrumentAnswers(String instrument, Integer version, String title, List<AnsweredItem> items,
                             List<Score> scores) {
        public InstrumentAnswers {
            items = items == null ? List.of() : items;
            scores = scores == null ? List.of() : scores;
        }
    }

    /** The warning signs noticed and coping tools used, in the plan's words. */
    record CheckInAnswers(String id, String episodeId, String status, Instant dueAt, Instant answeredAt,
                          List<InstrumentAnswers> instruments, List<String> warningSignsNoticed,
                          List<String> copingToolsUsed, String diary, List<String> flags) {
        public CheckInAnswers {
            instruments = instruments == null ? List.of() : instruments;
            warningSignsNoticed = warningSignsNoticed == null ? List.of() : warningSignsNoticed;
            copingToolsUsed = copingToolsUsed == null ? List.of() : copingToolsUsed;
            flags = flags == null ? List.of() : flags;
        }
    }
}
