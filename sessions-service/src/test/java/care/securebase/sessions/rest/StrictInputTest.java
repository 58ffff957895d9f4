package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17: input sessions took (or answered with a 500 or a 404) that it must refuse, naming the field. */
@QuarkusTest
class StrictInputTest {

    private static ValidatableResponse send(String method, String path, String json) {
        return given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(json)
                .request(method, path).then();
    }

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @Test
    void pagingPastItsBoundsOrUnreadableIsA400NamingTheParameter() {
        String admin = Tokens.of("ada");
        refused(given().auth().oauth2(admin).get("/note-access?page=2147483647&size=200").then(), "page");
        refused(given().auth().oauth2(admin).get("/note-access?size=201").then(), "size");
        refused(given().auth().oauth2(admin).get("/episodes?page=2147483648").then(), "page");
        refused(given().auth().oauth2(Tokens.of("clara")).get("/caseload?page=100001").then(), "page");
        given().auth().oauth2(Tokens.of("clara")).get("/caseload?page=100000&size=200").then().statusCode(200)
                .header("X-Total-Count", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anUnreadableDateInAQueryIsA400NamingItNotA404() {
        refused(given().auth().oauth2(Tokens.of("ada")).get("/note-access?from=2026-13-01").then()
                .body("errors[0].message", containsString("ISO-8601")), "from");
        refused(given().auth().oauth2(Tokens.of("ada")).get("/note-access?clientId=not-a-uuid").then(), "clientId");
        given().auth().oauth2(Tokens.of("ada")).get("/note-access?from=2026-01-01T00:00:00Z").then().statusCode(200);
        // A path that names nothing stays a 404.
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void fractionsInIntegerFieldsAreRefusedNotTruncated() {
        String episode = Episodes.open("northside");
        long outcomes = Rows.count("outcome_administration");
        // Was scored with the 2.5 read as 2.
        refused(send("POST", "/episodes/" + episode + "/outcomes",
                "{\"instrument\":\"PHQ-9\",\"answers\":[1,2.5,0,1,0,0,1,0,0]}")
                .body("errors[0].message", equalTo("must be a whole number")), "answers[1]");
        assertEquals(outcomes, Rows.count("outcome_administration"));

        long sessions = Rows.count("therapy_session");
        String start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        // Was booked for 50 minutes.
        refused(send("POST", "/episodes/" + episode + "/sessions", """
                {"plannedStart":"%s","lengthMinutes":50.7,"modality":"INDIVIDUAL","telehealth":false}"""
                .formatted(start)), "lengthMinutes");
        refused(send("POST", "/episodes/" + episode + "/sessions", """
                {"plannedStart":"%s","lengthMinutes":50,"lengthMinutes":90,"modality":"INDIVIDUAL","telehealth":false}"""
                .formatted(start)).body("errors[0].message", equalTo("is given more than once")), "lengthMinutes");
        refused(send("POST", "/episodes/" + episode + "/sessions", """
                {"plannedStart":"%s","lengthMinutes":50,"modality":"COUPLE","telehealth":false,
                 "attendees":[{"role":"CLIENT"},{"role":"PARTNER","name":"Alex\\u202e"}]}""".formatted(start)),
                "attendees[1].name");
        assertEquals(sessions, Rows.count("therapy_session"));
    }

    @Test
    void nulInClinicalTextIsA400NotA500() {
        String episode = Episodes.open("northside");
        String session = Sessions.attended("clara", episode, Duration.ofHours(2));
        long notes = Rows.count("session_note");
        Map<String, Object> note = Sessions.dap("NUL");
        note.put("sections", Map.of("data", "arrived\u0000tense", "assessment", "a", "plan", "p"));
        refused(Sessions.writeNote("clara", session, note), "sections.data");
        assertEquals(notes, Rows.count("session_note"));

        String client = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode).then()
                .extract().path("clientId");
        long plans = Rows.count("safety_plan_version");
        Map<String, Object> plan = PlanResourceTest.safetyPlan("x");
        plan.put("helpers", List.of(Map.of("name", "Ana\u0007", "contact", "07700 900123")));
        refused(given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(plan)
                .put("/clients/" + client + "/safety-plan").then(), "helpers[0].name");
        assertEquals(plans, Rows.count("safety_plan_version"));
    }
}
