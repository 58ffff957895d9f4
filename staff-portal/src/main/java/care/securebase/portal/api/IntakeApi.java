package care.securebase.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * intake-service, called with the signed-in user's access token ({@link AccessToken}). The records
 * mirror the service's JSON field for field: a renamed field is a one-line change here. Unknown
 * fields are ignored, and enums are kept as strings so a new value never breaks a page.
 */
@Path("/")
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "intake")
public interface IntakeApi {

    String SERVICE = "intake";

    @GET
    @Path("clients")
    List<Client> clients(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("clients/{id}")
    Client client(@PathParam("id") String id);

    @POST
    @Path("clients")
    Client register(RegisterClient request);

    @POST
    @Path("clients/{id}/intakes")
    Intake completeIntake(@PathParam("id") String clientId, CompleteIntake request);

    @GET
    @Path("clients/{clientId}/intakes/{id}")
    Intake intake(@PathParam("clientId") String clientId, @PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        return ServiceFailure.of(SERVICE, response);
    }

    record Client(String id, String clinicId, String legalName, String preferredName, String pronouns,
                  LocalDate dateOfBirth, String email, String phone, String preferredChannel, String language,
                  String timeZone, String status, String clinicianId, Instant registeredAt) {

        /** How staff address the client: the preferred name when there is one. */
        public String displayName() {
            return preferredName == null || preferredName.isBlank() ? legalName : preferredName;
        }
    }

    /** Dates travel as the text the user typed: the service validates them and names the field. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RegisterClient(String legalName, String preferredName, String pronouns, String dateOfBirth, String email,
                          String phone, String preferredChannel, String language, String timeZone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompleteIntake(String modality, String presentingConcerns, String clinicianId, List<Integer> phq9,
                          String clinicianRiskJudgement) {
    }

    record Score(String instrument, String scale, int score, String band) {
    }

    record Intake(String id, String clientId, String clinicId, String clinicianId, String modality,
                  List<Score> scores, String riskLevel, String priority, Instant completedAt) {
    }
}
