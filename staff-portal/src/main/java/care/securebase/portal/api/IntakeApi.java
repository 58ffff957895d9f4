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

    /** A page of clients, newest first; the total of all pages is in {@code X-Total-Count}. */
    @GET
    @Path("clients")
    RestResponse<List<Client>> clients(@QueryParam("status") String status, @QueryParam("waitlisted") String waitlisted,
                                       @QueryParam("riskLevel") String riskLevel, @QueryParam("q") String q,
                                       @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("clients/{id}")
    Client client(@PathParam("id") String id);

    /**
     * 409 {@code possible-duplicate} with {@link Problem#duplicates()} unless {@code confirmNotDuplicate}.
     * The form's Idempotency-Key makes a form sent twice (double click, retry) register once.
     */
    @POST
    @Path("clients")
    Client register(@HeaderParam(ReferralsApi.IDEMPOTENCY_KEY) String key, RegisterClient request);

    @GET
    @Path("clients/{id}/consents")
    Consents consents(@PathParam("id") String clientId);

    @POST
    @Path("clients/{id}/consents")
    Consent recordConsent(@PathParam("id") String clientId, NewConsent request);

    @POST
    @Path("clients/{id}/consents/{consentId}/revoke")
    Consent revokeConsent(@PathParam("id") String clientId, @PathParam("consentId") String consentId,
                          Revoke request);

    @GET
    @Path("instruments")
    List<InstrumentSummary> instruments();

    @GET
    @Path("instruments/{code}")
    Instrument instrument(@PathParam("code") String code);

    @POST
    @Path("clients/{id}/intakes")
    Intake completeIntake(@PathParam("id") String clientId, CompleteIntake request);

    @GET
    @Path("clients/{clientId}/intakes/{id}")
    Intake intake(@PathParam("clientId") String clientId, @PathParam("id") String id);

    @POST
    @Path("clients/{clientId}/intakes/{id}/priority")
    Intake overridePriority(@PathParam("clientId") String clientId, @PathParam("id") String id,
                            PriorityOverride request);

    @GET
    @Path("clinicians")
    List<Clinician> clinicians();

    @PUT
    @Path("clinicians/{id}")
    Clinician saveClinician(@PathParam("id") String id, SaveClinician request);

    @GET
    @Path("waitlist")
    List<Waiting> waitlist();

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        return ServiceFailure.of(SERVICE, response);
    }

    /** Codes of intake-service's enums, for the forms (Client.Channel, Consent.Scope ...). */
    List<String> CHANNELS = List.of("EMAIL", "SMS", "NONE");
    List<String> STATUSES = List.of("REGISTERED", "WAITLISTED", "ASSIGNED", "DISCHARGED");
    List<String> RISK_LEVELS = List.of("NONE", "LOW", "MODERATE", "HIGH");
    List<String> PRIORITIES = List.of("URGENT", "SOON", "ROUTINE");
    List<String> CONSENT_SCOPES = List.of("TREATMENT", "SHARE_SOCIAL_WORK", "SHARE_SUPPORT_GROUP",
            "SHARE_PARENTING_PROGRAM", "SHARE_PRIMARY_CARE", "SHARE_SCHOOL", "CONTACT_EMAIL", "CONTACT_SMS");
    List<String> MODALITIES = List.of("INDIVIDUAL", "COUPLE", "FAMILY");
    List<String> RELATIONAL_THEMES = List.of("FEAR_OF_ABANDONMENT", "CODEPENDENCY", "PERFECTIONISM", "WITHDRAWAL",
            "PEOPLE_PLEASING", "MISTRUST", "CONFLICT_AVOIDANCE", "HOSTILITY_UNDER_STRESS", "OTHER");
    List<String> RELATIONSHIPS = List.of("PARTNER", "PARENT", "CHILD", "SIBLING", "CAREGIVER", "OTHER_FAMILY", "OTHER");

    record Client(String id, String clinicId, String legalName, String preferredName, String pronouns,
                  LocalDate dateOfBirth, String email, String phone, String preferredChannel, String language,
                  String timeZone, String status, String clinicianId, Instant registeredAt,
                  EmergencyContact emergencyContact, boolean minorAtRegistration, Guardian guardian,
                  boolean waitlisted, String riskLevel, String notDuplicateConfirmedBy,
                  Instant notDuplicateConfirmedAt) {

        /** How staff address the client: the preferred name when there is one. */
        public String displayName() {
            return preferredName == null || preferredName.isBlank() ? legalName : preferredName;
        }
    }

    record EmergencyContact(String name, String relationship, String phone) {
    }

    record Guardian(String name, String relationship, String phone, String email) {
    }

    /** Dates travel as the text the user typed: the service validates them and names the field. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RegisterClient(String legalName, String preferredName, String pronouns, String dateOfBirth, String email,
                          String phone, String preferredChannel, String language, String timeZone,
                          EmergencyContact emergencyContact, Guardian guardian, List<NewConsent> consents,
                          Boolean confirmNotDuplicate) {
    }

    /** A possible duplicate in a 409: a client the caller may see, or only {@code note} for another clinic's. */
    record Duplicate(String id, String legalName, LocalDate dateOfBirth, String clinicId, List<String> matchedOn,
                     String note) {
        public Duplicate {
            matchedOn = matchedOn == null ? List.of() : matchedOn;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewConsent(String scope, Boolean granted, String recordedFor, String formVersion) {
    }

    record Consent(String id, String clientId, String scope, boolean granted, String recordedFor, String formVersion,
                   String recordedBy, Instant recordedAt, boolean current, Instant revokedAt, String revokedBy,
                   String revokeReason) {
    }

    record Consents(List<Consent> current, List<Consent> history) {
        public Consents {
            current = current == null ? List.of() : current;
            history = history == null ? List.of() : history;
        }
    }

    record Revoke(String reason) {
    }

    record InstrumentSummary(String code, int version, String title, boolean latest) {
    }

    /** An instrument's definition as intake-service serves it (the shared {@code instruments} module's JSON). */
    record Instrument(String code, int version, String title, Licence licence, String instructions,
                      List<Item> items, List<Scale> scales, List<RiskRule> riskRules) {
        public Instrument {
            items = items == null ? List.of() : items;
            scales = scales == null ? List.of() : scales;
            riskRules = riskRules == null ? List.of() : riskRules;
        }
    }

    record Licence(String name, boolean itemTextReproducible, String note) {
    }

    record Option(int value, String label) {
    }

    record Condition(int item, int atLeast) {
    }

    /** {@code text} is null where the licence does not allow showing it; {@code domain} then says what it is about. */
    record Item(int number, String text, String domain, boolean reverseKeyed, boolean optional, Condition askedWhen,
                List<Option> options) {
        public Item {
            options = options == null ? List.of() : options;
        }
    }

    record Band(java.math.BigDecimal from, String label) {
    }

    /** {@code method}: SUM or MEAN of the keyed item values. */
    record Scale(String code, String title, String method, List<Integer> items, List<Band> bands) {
        public Scale {
            items = items == null ? List.of() : items;
            bands = bands == null ? List.of() : bands;
        }
    }

    record Threshold(int item, int atLeast) {
    }

    record RiskRule(String level, String source, String reason, List<Threshold> anyOf) {
        public RiskRule {
            anyOf = anyOf == null ? List.of() : anyOf;
        }
    }

    record Attendee(String relationship, String name) {
    }

    record Administered(String code, List<Integer> answers) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record CompleteIntake(String modality, List<Attendee> attendees, String presentingConcerns,
                          List<String> relationalThemes, String relationalHistory, List<String> triggers,
                          List<String> bodilyResponses, String currentFunctioning, String clinicianId,
                          List<Administered> instruments, String clinicianRiskJudgement) {
    }

    record Score(String instrument, int version, String scale, java.math.BigDecimal score, String band) {
    }

    record PriorityOverrideView(String reason, String by, Instant at) {
    }

    record Intake(String id, String clientId, String clinicId, String clinicianId, Integer waitlistPosition,
                  String modality, List<Score> scores, String riskLevel, String riskSource, String priority,
                  String proposedPriority, PriorityOverrideView priorityOverride, Instant completedAt) {
        public Intake {
            scores = scores == null ? List.of() : scores;
        }
    }

    record PriorityOverride(String priority, String reason) {
    }

    record Clinician(String id, String clinicId, String displayName, int caseloadLimit, long caseload, boolean onCall,
                     boolean active) {
        public long room() {
            return Math.max(0, caseloadLimit - caseload);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SaveClinician(String displayName, Integer caseloadLimit, boolean onCall, Boolean active) {
    }

    record Waiting(int position, String clientId, String name, String intakeId, String priority, Instant since) {
    }
}
