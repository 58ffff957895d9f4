package care.securebase.portal.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notifications-service: the logs of booster reminders and partner notices. See {@link IntakeApi} on the records. */
@Path("/")
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "notifications")
public interface NotificationsApi {

    String SERVICE = "notifications";

    /** One client's reminders; the service requires the client. */
    @GET
    @Path("reminders")
    List<Reminder> reminders(@QueryParam("clientId") String clientId);

    @GET
    @Path("notices")
    List<Notice> notices(@QueryParam("page") int page, @QueryParam("size") int size);

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        return ServiceFailure.of(SERVICE, response);
    }

    record Reminder(String id, String clientId, String boosterId, String leadTime, Instant appointmentAt,
                    Instant sendAt, String status, Instant sentAt, String channel, int attempts, String reason) {
    }

    record Notice(String id, String referralId, String clinicId, String organisationId, String noticeEmail,
                  String status, Instant createdAt, Instant sentAt, int attempts, String reason) {
    }
}
