package care.securebase.referrals.rest;

import static io.restassured.RestAssured.given;

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
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

    static Map<String, Object> referral(String programId) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID().toString());
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

    static String create(String who, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(who)).contentType(ContentType.JSON).body(body)
                .post("/referrals")
                .then().statusCode(201)
                .extract().path("id");
    }
}
