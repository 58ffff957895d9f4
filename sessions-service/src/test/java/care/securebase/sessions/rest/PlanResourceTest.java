package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanResourceTest {

    static Map<String, Object> treatmentPlan() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("goals", List.of("PLAN-9b I want to stop panicking when Sam is late"));
        plan.put("objectives", List.of(
                Map.of("description", "PLAN-9b Form a reliable therapeutic relationship", "status", "IN_PROGRESS",
                        "targetDate", "2030-03-01"),
                Map.of("description", "PLAN-9b Identify core triggers", "status", "NOT_STARTED")));
        plan.put("interventions", List.of(Map.of("kind", "EMOTIONALLY_FOCUSED"), Map.of("kind", "MINDFULNESS")));
        plan.put("reviewBy", "2030-06-30");
        return plan;
    }

    static ValidatableResponse putPlan(String user, String episode, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .put("/episodes/" + episode + "/treatment-plan").then();
    }

    @Test
    void eachReviewIsANewVersionSayingWhoChangedWhat() {
        String episode = Episodes.open("northside");
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/treatment-plan").then().statusCode(404);
        List<String> ids = putPlan("clara", episode, treatmentPlan()).statusCode(200)
                .body("version", equalTo(1)).body("changedBy", equalTo("clara"))
                .body("plan.objectives.id", org.hamcrest.Matchers.everyItem(startsWith("o-")))
                .extract().path("plan.objectives.id");

        Map<String, Object> review = treatmentPlan();
        review.put("objectives", List.of(
                Map.of("id", ids.get(0), "description", "PLAN-9b Form a reliable therapeutic relationship",
                        "status", "ACHIEVED", "targetDate", "2030-03-01",
                        "milestones", List.of(Map.of("description", "PLAN-9b came back after a rupture",
                                "reachedOn", "2030-02-14"))),
                Map.of("id", ids.get(1), "description", "PLAN-9b Identify core triggers", "status", "IN_PROGRESS"),
                Map.of("description", "PLAN-9b Rehearse asking for support", "status", "NOT_STARTED")));
        review.put("interventions", List.of(Map.of("kind", "EMOTIONALLY_FOCUSED"),
                Map.of("kind", "OTHER", "detail", "PLAN-9b art")));
        putPlan("tara", episode, review).statusCode(200).body("version", equalTo(2))
                .body("plan.objectives[0].milestones[0].reachedOn", equalTo("2030-02-14"))
                .body("changes", hasItem("objectives[" + ids.get(0) + "]: status IN_PROGRESS -> ACHIEVED, "
                        + "milestones: 1 reached changed"))
                .body("changes", hasItem("interventions: MINDFULNESS removed"));

        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/treatment-plan/versions").then()
                .statusCode(200).body("version", equalTo(List.of(1, 2)))
                .body("changedBy", equalTo(List.of("clara", "tara")))
                .body("changes.flatten()", not(hasItem(containsString("PLAN-9b"))));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/treatment-plan/versions/1").then()
                .statusCode(200).body("plan.objectives[0].status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/treatment-plan").then()
                .statusCode(200).body("version", equalTo(2)).body("plan.objectives", hasSize(3));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/treatment-plan/versions/3").then()
                .statusCode(404);
    }


    @Test
    void badPlansAreRefusedNamingTheFieldAndWriteNothing() {
        String episode = Episodes.open("northside");
        long before = Rows.count("treatment_plan_version");
        Map<String, Object> noGoals = treatmentPlan();
        noGoals.put("goals", List.of());
        putPlan("clara", episode, noGoals).statusCode(400).body("errors[0].field", equalTo("goals"));
        Map<String, Object> unknownId = treatmentPlan();
        unknownId.put("objectives", List.of(Map.of("id", "o-nope", "description", "x", "status", "IN_PROGRESS")));
        putPlan("clara", episode, unknownId).statusCode(400).body("errors[0].field", equalTo("objectives[0].id"));
        Map<String, Object> other = treatmentPlan();
        other.put("interventions", List.of(Map.of("kind", "OTHER")));
        putPlan("clara", episode, other).statusCode(400).body("errors[0].field", equalTo("interventions[0].detail"));
        Map<String, Object> badKind = treatmentPlan();
        badKind.put("interventions", List.of(Map.of("kind", "HYPNOSIS")));
        putPlan("clara", episode, badKind).statusCode(400).body("errors[0].field", containsString("interventions"));
        Map<String, Object> badDate = treatmentPlan();
        badDate.put("reviewBy", "soon");
        putPlan("clara", episode, badDate).statusCode(400).body("errors[0].field", equalTo("reviewBy"));
        Map<String, Object> yearZero = treatmentPlan();
        yearZero.put("reviewBy", "0000-01-01");
        putPlan("clara", episode, yearZero).statusCode(400).body("errors[0].field", equalTo("reviewBy"));
        Map<String, Object> farTarget = treatmentPlan();
        farTarget.put("objectives", List.of(Map.of("description", "x", "status", "IN_PROGRESS", "targetDate", "9999-12-31")));
        putPlan("clara", episode, farTarget).statusCode(400).body("errors[0].field", equalTo("objectives[0].targetDate"));
        assertEquals(before, Rows.count("treatment_plan_version"));

        putPlan("colin", episode, treatmentPlan()).statusCode(404);
        putPlan("ada", episode, treatmentPlan()).statusCode(403);
        given().auth().oauth2(Tokens.of("ada")).get("/episodes/" + episode + "/treatment-plan").then().statusCode(403);
        given().get("/episodes/" + episode + "/treatment-plan").then().statusCode(401);
        assertEquals(before, Rows.count("treatment_plan_version"));
    }

    static Map<String, Object> safetyPlan(String marker) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("warningSigns", List.of(marker + " not answering messages"));
        plan.put("copingStrategies", List.of("paced breathing", "a walk by the river"));
        plan.put("peopleAndPlaces", List.of(Map.of("name", "the library")));
        plan.put("helpers", List.of(Map.of("name", "Ana (sister)", "contact", "07700 900123")));
        plan.put("professionals", List.of(Map.of("name", "Samaritans", "contact", "116 123")));
        plan.put("saferEnvironment", List.of("<b>keep</b> medication with Ana"));
        return plan;
    }

    @Test
    void theSafetyPlanIsVersionedPerClientAndPrintsForTheClient() {
        String episode = Episodes.open("northside");
        String client = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode).then()
                .extract().path("clientId");
        String path = "/clients/" + client + "/safety-plan";
        given().auth().oauth2(Tokens.of("clara")).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(safetyPlan("SAFE-1"))
                .put(path).then().statusCode(200).body("version", equalTo(1));
        String v2 = given().auth().oauth2(Tokens.of("tara")).contentType(ContentType.JSON).body(safetyPlan("SAFE-2"))
                .put(path).then().statusCode(200).body("version", equalTo(2)).body("changedBy", equalTo("tara"))
                .extract().path("id");

        given().auth().oauth2(Tokens.of("clara")).get(path).then().statusCode(200)
                .body("plan.warningSigns[0]", startsWith("SAFE-2"));
        given().auth().oauth2(Tokens.of("clara")).get(path + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)));
        given().auth().oauth2(Tokens.of("clara")).get(path + "/versions/1").then().statusCode(200)
                .body("plan.warningSigns[0]", startsWith("SAFE-1"));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode).then().body("safetyPlanVersion", equalTo(2));

        String html = given().auth().oauth2(Tokens.of("clara")).get(path + "/print").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("SAFE-2 not answering messages"));
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("116 123"));
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("@media print"));
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("&lt;b&gt;keep"), "text is escaped");
        org.junit.jupiter.api.Assertions.assertFalse(html.contains("<nav"));

        given().auth().oauth2(Tokens.of("ada")).queryParam("noteId", v2).get("/note-access").then().statusCode(200)
                .body("$", hasSize(2)).body("kind", org.hamcrest.Matchers.everyItem(equalTo("SAFETY_PLAN")));

        long before = Rows.count("safety_plan_version");
        Map<String, Object> bad = safetyPlan("x");
        bad.put("professionals", List.of(Map.of("contact", "999")));
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(bad).put(path).then()
                .statusCode(400).body("errors[0].field", equalTo("professionals[0].name"));
        given().auth().oauth2(Tokens.of("colin")).contentType(ContentType.JSON).body(safetyPlan("x")).put(path).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.of("colin")).get(path + "/print").then().statusCode(404);
        given().auth().oauth2(Tokens.of("ada")).get(path + "/print").then().statusCode(403);
        given().get(path).then().statusCode(401);
        assertEquals(before, Rows.count("safety_plan_version"));
    }
}
