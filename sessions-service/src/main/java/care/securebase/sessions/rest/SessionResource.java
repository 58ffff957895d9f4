package care.securebase.sessions.rest;

import care.securebase.kit.input.PersonName;
import care.securebase.kit.security.Roles;
import care.securebase.sessions.NoteContent;
import care.securebase.sessions.NoteStatus;
import care.securebase.sessions.SessionNote;
import care.securebase.sessions.SessionStatus;
import care.securebase.sessions.TherapySession;
import care.securebase.sessions.service.NoteService;
import care.securebase.sessions.service.SessionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/sessions")
@Tag(name = "Sessions")
public class SessionResource {

    private final SessionService sessions;
    private final NoteService notes;

    public SessionResource(SessionService sessions, NoteService notes) {
        this.sessions = sessions;
        this.notes = notes;
    }

    @Schema(name = "Attendee")
    public record AttendeeRequest(@NotNull @Schema(examples = "PARTNER") TherapySession.AttendeeRole role,
                                  @Size(max = 100) @PersonName @Schema(examples = "Alex") String name) {
    }

    @Schema(name = "NewSession")
    public record NewSessionRequest(
            @NotNull @Schema(examples = "2030-01-15T10:00:00Z") Instant plannedStart,
            @NotNull @Min(10) @Max(240) @Schema(examples = "50") Integer lengthMinutes,
            @NotNull @Schema(examples = "INDIVIDUAL") TherapySession.Modality modality,
            @NotNull @Schema(description = "true for a video or phone session", examples = "false") Boolean telehealth,
            @Size(max = 12) @Schema(description = "Who attends; left out, the client alone")
            List<@NotNull @Valid AttendeeRequest> attendees,
            @Size(max = 500) @Pattern(regexp = "https://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+",
                    message = "must be an https:// address")
            @Schema(description = "Telehealth only: the call's address (never with the client's name in it); "
                    + "left out, the clinic's video room", examples = "https://video.northside.securebase.test/room/4711")
            String videoLink) {
    }

    @Schema(name = "SessionMove")
    public record MoveRequest(@NotNull @Schema(examples = "2030-01-16T10:00:00Z") Instant plannedStart) {
    }

    @Schema(name = "SessionStatusChange")
    public record StatusRequest(@NotNull @Schema(examples = "ATTENDED") SessionStatus status) {
    }

    @Schema(name = "Session")
    public record SessionView(UUID id, UUID episodeId, UUID clientId, String clinicId, String clinicianId,
                              SessionStatus status, TherapySession.Modality modality,
                              List<TherapySession.Attendee> attendees, boolean telehealth, Instant plannedStart,
                              int lengthMinutes, Instant statusChangedAt, String statusChangedBy,
                              @Schema(description = "The statuses it can move to now") List<SessionStatus> nextStatuses,
                              @Schema(description = "The session's note, if written (content via GET /sessions/{id}/note)")
                              UUID noteId, NoteStatus noteStatus,
                              @Schema(description = "What the client answered by the appointment link")
                              TherapySession.Confirmation confirmation, Instant confirmationAt, String videoLink) {
        static SessionView of(TherapySession s, SessionNote note) {
            return new SessionView(s.id, s.episodeId, s.clientId, s.clinicId, s.clinicianId, s.status, s.modality,
                    s.attendees, s.telehealth, s.plannedStart, s.lengthMinutes, s.statusChangedAt, s.statusChangedBy,
                    s.status.next().stream().sorted().toList(), note == null ? null : note.id,
                    note == null ? null : note.status, s.confirmation, s.confirmationAt, s.videoLink);
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "One session")
    public SessionView get(@PathParam("id") UUID id) {
        TherapySession s = sessions.visible(id);
        return SessionView.of(s, SessionNote.ofSession(s.id).orElse(null));
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Record what became of a scheduled session: ATTENDED, CANCELLED or NO_SHOW (409 otherwise)")
    public SessionView status(@PathParam("id") UUID id, @Valid @NotNull StatusRequest request) {
        TherapySession s = sessions.changeStatus(id, request.status());
        return SessionView.of(s, SessionNote.ofSession(s.id).orElse(null));
    }

    @POST
    @Path("{id}/move")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Move a scheduled session to another (future) time: a new appointment link, the client's "
            + "confirmation reset, appointment-scheduled again; 409 unless SCHEDULED")
    public SessionView move(@PathParam("id") UUID id, @Valid @NotNull MoveRequest request) {
        TherapySession s = sessions.move(id, request.plannedStart());
        return SessionView.of(s, SessionNote.ofSession(s.id).orElse(null));
    }

    @POST
    @Path("{id}/note")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Start the session's note as a draft by the caller, in the clinic's format "
            + "(ATTENDED or NO_SHOW sessions; one note per session)")
    public Response createNote(@PathParam("id") UUID sessionId, @Valid @NotNull NoteContent content) {
        SessionNote note = notes.create(sessionId, content);
        return Response.created(UriBuilder.fromPath("/notes/{id}").build(note.id))
                .entity(NoteView.of(note, List.of())).build();
    }

    @GET
    @Path("{id}/note")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "The session's note with its addenda; the read is recorded")
    public NoteView note(@PathParam("id") UUID sessionId) {
        SessionNote note = notes.readOfSession(sessionId);
        return NoteView.of(note, notes.addenda(note.id));
    }
}
