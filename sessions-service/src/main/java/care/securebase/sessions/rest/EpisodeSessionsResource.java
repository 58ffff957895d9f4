package care.securebase.sessions.rest;

import care.securebase.kit.security.Roles;
import care.securebase.sessions.SessionNote;
import care.securebase.sessions.TherapySession;
import care.securebase.sessions.rest.SessionResource.NewSessionRequest;
import care.securebase.sessions.rest.SessionResource.SessionView;
import care.securebase.sessions.service.SessionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/episodes/{id}/sessions")
@Tag(name = "Sessions")
public class EpisodeSessionsResource {

    private final SessionService sessions;

    public EpisodeSessionsResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @POST
        @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Schedule a session of the episode (or record one after the fact); 409 once discharged")
    public Response schedule(@PathParam("id") UUID episodeId, @Valid @NotNull NewSessionRequest r) {
        TherapySession s = sessions.schedule(episodeId, new SessionService.NewSession(r.plannedStart(),
                r.lengthMinutes(), r.modality(), r.telehealth(), r.attendees() == null ? null : r.attendees().stream()
                .map(a -> new TherapySession.Attendee(a.role(), a.name())).toList(), r.videoLink()));
        return Response.created(UriBuilder.fromPath("/sessions/{id}").build(s.id)).entity(SessionView.of(s, null)).build();
    }

    @GET
        @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The episode's sessions in time order, with their note's id and status (not its content)")
    public List<SessionView> list(@PathParam("id") UUID episodeId) {
        List<TherapySession> list = sessions.ofEpisode(episodeId);
        Map<UUID, SessionNote> byId = SessionNote.bySession(list.stream().map(s -> s.id).toList());
        return list.stream().map(s -> SessionView.of(s, byId.get(s.id))).toList();
    }

}
