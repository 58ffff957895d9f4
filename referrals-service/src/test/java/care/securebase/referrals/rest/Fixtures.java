package care.securebase.referrals.rest;

import static io.restassured.RestAssured.given;

import care.securebase.kit.testing.Tokens;
import care.securebase.referrals.ClientConsent;
import care.securebase.referrals.Program;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Directory entries and referrals made through the API, with ids unique to each test run. */
final class Fixtures {

    static final String RIVERSIDE = "riverside-family";
    static final String OAK = "oak-community";
    static final String RIVERSIDE_MAILBOX = "intake@riverside-family.example.org";
    /** Free text the tests look for where it must never appear (events). */
    static final String SEEDED = "SEEDED-REFERRAL-5c1e";

    private Fixtures() {
    }

    static String partnerSystemToken() {
        return Tokens.ofClient("partner-riverside", "partner-riverside-secret");
    }

    /** The organisations whose ids the demo social workers carry in their tokens; PUT is an upsert. */
    static void organisations() {
        saveOrganisation(RIVERSIDE, "Riverside Family Centre", RIVERSIDE_MAILBOX);
        saveOrganisation(OAK, "Oak Community Services", "referrals@oak-community.example.org");
    }

    static void saveOrganisation(String id, String name, String mailbox) {
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "noticeEmail", mailbox))
                .put("/organisations/" + id)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    static Map<String, Object> program(String organisationId, String kind, boolean accepting) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisationId);
        body.put("name", "Parents together " + UUID.randomUUID());
        body.put("kind", kind);
        body.put("languages", java.util.List.of("en", "es"));
        body.put("area", "Riverside");
        body.put("remote", true);
        body.put("acceptingReferrals", accepting);
        return body;
    }

    static String addProgram(String organisationId, boolean accepting) {
        organisations();
        return given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(program(organisationId, "PARENTING_PROGRAM", accepting))
                .post("/programs")
                .then().statusCode(201)
                .extract().path("id");
    }

    /**
     * A referral of a new client who consents to sharing with every kind of partner; the consent is
     * written straight into the service's copy (the Kafka path has its own tests).
     */
    static Map<String, Object> referral(String programId) {
        Map<String, Object> body = referralWithoutConsent(programId);
        consentToAll(UUID.fromString((String) body.get("clientId")));
        return body;
    }

    static Map<String, Object> referralWithoutConsent(String programId) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID().toString());
        body.put("sharedItems", java.util.List.of("REASON", "HOPES"));
        body.put("programId", programId);
        body.put("reason", SEEDED + " reason: isolation after the birth of a second child");
        body.put("hopes", SEEDED + " hopes: to meet other parents");
        body.put("urgency", "SOON");
        body.put("respondBy", LocalDate.now().plusDays(14).toString());
        body.put("sharedInformation", SEEDED + " shared: prefers evening sessions");
        return body;
    }

    /** carmen (northside) refers a new client to a new Riverside program; returns the referral id. */
    static String sentReferral() {
        return create("carmen", referral(addProgram(RIVERSIDE, true)));
    }

    static void consentToAll(UUID clientId) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Program.Kind kind : Program.Kind.values()) {
                ClientConsent consent = new ClientConsent();
                consent.id = new ClientConsent.Id(clientId, ClientConsent.scopeFor(kind));
                consent.clinicId = "northside";
                consent.consentId = UUID.randomUUID();
                consent.granted = true;
                consent.effectiveAt = Instant.now().minusSeconds(60);
                consent.updatedAt = Instant.now();
                consent.persist();
            }
        });
    }

    /** A program of the given kind at an organisation; returns its id. */
    static String addProgram(String organisationId, String kind) {
        organisations();
        return given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(program(organisationId, kind, true))
                .post("/programs")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String create(String who, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(who)).contentType(ContentType.JSON).body(body)
                .post("/referrals")
                .then().statusCode(201)
                .extract().path("id");
    }
}
