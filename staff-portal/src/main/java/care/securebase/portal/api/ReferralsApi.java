package care.securebase.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.jboss.resteasy.reactive.RestResponse;

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
    /** What the partner may see besides the note (the service's SharedItem); REASON when none is chosen. */
    List<String> SHARED_ITEMS = List.of("CLIENT_NAME", "CONTACT_DETAILS", "PREFERRED_LANGUAGE", "REASON", "HOPES");
    List<String> DELIVERIES = List.of("IN_PERSON", "REMOTE", "BOTH");
    List<String> ATTENDEES = List.of("CLIENT", "PARTNER", "FAMILY", "CAREGIVER");
    /** The referrals still in someone's hands, in the board's order. */
    List<String> OPEN_STATUSES = List.of("DRAFT", "SENT", "RECEIVED", "ACCEPTED", "SCHEDULED", "IN_PROGRESS");

    @GET
    @Path("programs")
    List<Program> programs(@QueryParam("kind") String kind, @QueryParam("page") int page,
                           @QueryParam("size") int size);

    /** The directory search; every criterion given must match. The total of all pages is in {@code X-Total-Count}. */
    @GET
    @Path("programs")
    RestResponse<List<Program>> searchPrograms(@QueryParam("kind") String kind,
                                               @QueryParam("organisationId") String organisationId,
                                               @QueryParam("language") String language, @QueryParam("area") String area,
                                               @QueryParam("age") Integer age, @QueryParam("accepting") Boolean accepting,
                                               @QueryParam("remote") Boolean remote, @QueryParam("q") String q,
                                               @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("programs/{id}")
    Program program(@PathParam("id") String id);

    /** clinic-admin. */
    @POST
    @Path("programs")
    Program addProgram(ProgramDetails request);

    /** clinic-admin, or a social worker for the own organisation's programs. */
    @PUT
    @Path("programs/{id}")
    Program updateProgram(@PathParam("id") String id, ProgramDetails request);

    @PUT
    @Path("programs/{id}/availability")
    Program availability(@PathParam("id") String id, Availability request);

    @GET
    @Path("organisations")
    List<Organisation> organisations();

    @GET
    @Path("organisations/{id}")
    Organisation organisation(@PathParam("id") String id);

    /** clinic-admin: adds the organisation (201) or renames it / changes its mailbox (200). */
    @PUT
    @Path("organisations/{id}")
    Organisation saveOrganisation(@PathParam("id") String id, SaveOrganisation request);

    /** The clinic's open referrals by status, overdue first. */
    @GET
    @Path("referrals/board")
    Board board(@QueryParam("mine") Boolean mine);

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
    @Path("referrals/{id}/schedule")
    Referral schedule(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key, Schedule request);

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
                   String description, List<String> services, Integer minAge, Integer maxAge,
                   List<String> attendees, List<String> languages, String area, String delivery, boolean remote,
                   Contact contact, boolean acceptingReferrals, Integer places, Integer waitlistWeeks,
                   Instant updatedAt) {
        public Program {
            services = services == null ? List.of() : services;
            attendees = attendees == null ? List.of() : attendees;
            languages = languages == null ? List.of() : languages;
        }
    }

    record Contact(String name, String email, String phone) {
    }

    /** A program's details as the service takes them (its ProgramDetails); blank fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgramDetails(String organisationId, String name, String kind, String description, List<String> services,
                          Integer minAge, Integer maxAge, List<String> attendees, List<String> languages, String area,
                          String delivery, String contactName, String contactEmail, String contactPhone,
                          Boolean acceptingReferrals, Integer places, Integer waitlistWeeks) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Availability(Boolean acceptingReferrals, Integer places, Integer waitlistWeeks) {
    }

    record Organisation(String id, String name, String noticeEmail) {
    }

    record SaveOrganisation(String name, String noticeEmail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendReferral(String clientId, String programId, String reason, String hopes, String urgency,
                        String respondBy, List<String> sharedItems, String sharedInformation) {
    }

    /**
     * The clinic's view has every field; the receiving organisation's leaves out the client, clinic
     * and staff ({@code clientId}, {@code clinicId}, {@code createdBy} ... are then null).
     */
    record Referral(String id, String clientId, String clinicId, String organisationId, String programId,
                    String programName, String programKind, String reason, String hopes, String urgency,
                    LocalDate respondBy, List<String> sharedItems, SharedClient client, String sharedInformation,
                    String status, LocalDate scheduledFor, String overdue, String createdBy, String referredBy,
                    Instant createdAt, Instant updatedAt, List<Step> history) {

        public Referral {
            history = history == null ? List.of() : history;
            sharedItems = sharedItems == null ? List.of() : sharedItems;
        }
    }

    /** The client as introduced to the partner: only what the clinic chose to share (absent otherwise). */
    record SharedClient(String preferredName, String email, String phone, String language) {
    }

    /**
     * {@code by} is left out of the partner's view; {@code party} says which side acted; {@code code}
     * is the coded reason or outcome of the step.
     */
    record Step(String status, String party, String by, Instant at, String code, LocalDate scheduledFor,
                String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Schedule(String date, String note) {
    }

    record Board(int open, int overdue, List<BoardColumn> columns) {
        public Board {
            columns = columns == null ? List.of() : columns;
        }
    }

    record BoardColumn(String status, int count, int overdue, List<BoardItem> referrals) {
        public BoardColumn {
            referrals = referrals == null ? List.of() : referrals;
        }
    }

    record BoardItem(String id, String clientId, String clientName, String programId, String programName,
                     String programKind, String organisationId, String urgency, LocalDate respondBy, String status,
                     Instant since, LocalDate scheduledFor, String overdue, String referredBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reason(String reason, String note) {
    }

    record Outcome(String outcome, String note) {
    }
}
