package care.securebase.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** referrals-service: the directory of programs and the referrals to them. See {@link IntakeApi} on the records. */
@Path("/")
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "referrals")
public interface ReferralsApi {

    String SERVICE = "referrals";
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Program kinds and referral statuses, for the filters (the service's Program.Kind and ReferralStatus). */
    List<String> KINDS = List.of("SOCIAL_WORK", "SUPPORT_GROUP", "PARENTING_PROGRAM", "PRIMARY_CARE", "SCHOOL",
            "HOUSING", "CRISIS_SERVICE");
    List<String> STATUSES = List.of("DRAFT", "SENT", "RECEIVED", "ACCEPTED", "DECLINED", "SCHEDULED", "IN_PROGRESS", "COMPLETED",
            "CANCELLED", "EXPIRED");
    List<String> URGENCIES = List.of("ROUTINE", "SOON", "URGENT");

    @GET
    @Path("programs")
    List<Program> programs(@QueryParam("kind") String kind, @QueryParam("page") int page,
                           @QueryParam("size") int size);

    @GET
    @Path("organisations")
    List<Organisation> organisations();

    @POST
    @Path("referrals")
    Referral send(SendReferral request);

    @GET
    @Path("referrals")
    List<Referral> referrals(@QueryParam("status") String status, @QueryParam("page") int page,
                             @QueryParam("size") int size);

    @GET
    @Path("referrals/{id}")
    Referral referral(@PathParam("id") String id);

    /*
     * The moves. Each carries an Idempotency-Key (one per rendered form), so a form sent twice, by a
     * double click or a retry after a timeout, moves the referral once.
     */
    @POST
    @Path("referrals/{id}/accept")
    Referral accept(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key);

    @POST
    @Path("referrals/{id}/decline")
    Referral decline(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key, Reason request);

    @POST
    @Path("referrals/{id}/start")
    Referral start(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key);

    @POST
    @Path("referrals/{id}/complete")
    Referral complete(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key, Outcome request);

    @POST
    @Path("referrals/{id}/cancel")
    Referral cancel(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key, Reason request);

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        return ServiceFailure.of(SERVICE, response);
    }

    record Program(String id, String organisationId, String organisationName, String name, String kind,
                   List<String> languages, String area, boolean remote, boolean acceptingReferrals) {
    }

    record Organisation(String id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendReferral(String clientId, String programId, String reason, String hopes, String urgency,
                        String respondBy, String sharedInformation) {
    }

    /**
     * The clinic's view has every field; the receiving organisation's leaves out the client, clinic
     * and staff ({@code clientId}, {@code clinicId}, {@code createdBy} ... are then null).
     */
    record Referral(String id, String clientId, String clinicId, String organisationId, String programId,
                    String programName, String reason, String hopes, String urgency, LocalDate respondBy,
                    String sharedInformation, String status, String createdBy, Instant createdAt,
                    Instant updatedAt, List<Step> history) {

        public Referral {
            history = history == null ? List.of() : history;
        }
    }

    /** {@code by} is left out of the partner's view; {@code party} says which side acted. */
    record Step(String status, String party, String by, Instant at, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reason(String reason, String note) {
    }

    record Outcome(String outcome, String note) {
    }
}
