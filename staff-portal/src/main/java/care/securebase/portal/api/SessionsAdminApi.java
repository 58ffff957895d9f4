package care.securebase.portal.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * sessions-service's clinic-level records for the clinic-admin: note settings and who read which
 * note. (Apart from {@link SessionsApi}, whose paths all start at /episodes.) See {@link IntakeApi} on the records.
 */
@Path("/")
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "sessions")
public interface SessionsAdminApi {

    List<String> NOTE_FORMATS = List.of("DAP", "SOAP");

    @GET
    @Path("settings")
    NoteSettings settings();

    @PUT
    @Path("settings")
    NoteSettings saveSettings(NoteSettingsUpdate request);

    /** Reads of notes and safety plans at the admin's clinic, newest first; from/to are ISO instants. */
    @GET
    @Path("note-access")
    List<NoteAccess> noteAccess(@QueryParam("clientId") String clientId, @QueryParam("noteId") String noteId,
                                @QueryParam("staffId") String staffId, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("page") int page,
                                @QueryParam("size") int size);

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        return ServiceFailure.of(SessionsApi.SERVICE, response);
    }

    record NoteSettings(String clinicId, String noteFormat, int overdueNoteDays, String updatedBy, Instant updatedAt) {
    }

    record NoteSettingsUpdate(String noteFormat, Integer overdueNoteDays) {
    }

    /** kind NOTE or SAFETY_PLAN; recordId the note or safety-plan version read. */
    record NoteAccess(String id, String kind, String recordId, String clientId, String staffId, Instant accessedAt) {
    }
}
