package care.securebase.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /** The choices of a schedule a new maintenance plan starts; NONE: none (null in the settings). */
    List<String> MAINTENANCE_CHECK_INS = List.of("NONE", "WEEKLY", "FORTNIGHTLY", "MONTHLY");

    /**
     * The clinic's note and check-in rules. maintenanceCheckIns null: a maintenance plan starts no
     * schedule; onCallClinicianId null: nobody is on call for check-ins' risk answers.
     */
    record NoteSettings(String clinicId, String noteFormat, int overdueNoteDays, Integer checkInExpiryHours,
                        Integer missedCheckInsFlag, String maintenanceCheckIns, String onCallClinicianId,
                        String updatedBy, Instant updatedAt) {
    }

    /** The service takes a left-out check-in field as unchanged, so each form sends only its own fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NoteSettingsUpdate(String noteFormat, Integer overdueNoteDays, Integer checkInExpiryHours,
                              Integer missedCheckInsFlag, String maintenanceCheckIns, String onCallClinicianId) {
        public NoteSettingsUpdate(String noteFormat, Integer overdueNoteDays) {
            this(noteFormat, overdueNoteDays, null, null, null, null);
        }
    }

    /** kind NOTE or SAFETY_PLAN; recordId the note or safety-plan version read. */
    record NoteAccess(String id, String kind, String recordId, String clientId, String staffId, Instant accessedAt) {
    }
}
