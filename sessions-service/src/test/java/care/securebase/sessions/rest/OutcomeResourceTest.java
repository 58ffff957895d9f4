package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.Tokens;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutcomeResourceTest {

    static ValidatableResponse give(String user, String episode, String instrument, List<Integer> answers) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body(Map.of("instrument", instrument, "answers", answers))
                .post("/episodes/" + episode + "/outcomes").then();
    }

    @Test
    void scoresAreJudgedAgainstTheIntakeBaselineAndDeteriorationIsFlagged() {
        String episode = Episodes.open("northside");
        // The intake's PHQ-9 total of 12 is the baseline.
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/outcomes").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].instrument", equalTo("PHQ-9"))
                .body("[0].baseline.intake", equalTo(true)).body("[0].baseline.value", equalTo(12))
                .body("[0].reliableChange", equalTo("NO_RELIABLE_CHANGE"));

        give("clara", episode, "PHQ-9", List.of(1, 1, 0, 1, 0, 1, 1, 0, 0)).statusCode(201)
                .body("instrument", equalTo("PHQ-9"))
                .body("trajectories[0].latest.value", equalTo(5))
                .body("trajectories[0].reliableChange", equalTo("IMPROVED"));
        give("clara", episode, "GAD-7", List.of(1, 1, 1, 1, 0, 0, 0)).statusCode(201)
                .body("trajectories[0].reliableChange", equalTo("NO_RELIABLE_CHANGE"));
        give("clara", episode, "ACE", List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0)).statusCode(201)
                .body("trajectories[0].reliableChange", equalTo("NOT_DEFINED"));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/flags").then()
                .body("kind", equalTo(List.of()));

        give("clara", episode, "PHQ-9", List.of(2, 2, 2, 2, 2, 2, 2, 2, 2)).statusCode(201)
                .body("trajectories[0].reliableChange", equalTo("DETERIORATED"));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/outcomes").then().statusCode(200)
                .body("find { it.instrument == 'PHQ-9' }.trajectory.value", equalTo(List.of(12, 5, 18)))
                .body("find { it.instrument == 'GAD-7' }.baseline.intake", equalTo(false));
        String flag = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/flags").then()
                .body("kind", equalTo(List.of("DETERIORATION"))).body("[0].detail", equalTo("PHQ-9 total"))
                .extract().path("[0].id");
        // Still deteriorated: the same flag stays, not a second one.
        give("clara", episode, "PHQ-9", List.of(2, 2, 2, 2, 2, 2, 2, 2, 3)).statusCode(201);
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/flags").then().body("$", hasSize(1));

        given().auth().oauth2(Tokens.of("colin")).post("/flags/" + flag + "/clear").then().statusCode(404);
        given().auth().oauth2(Tokens.of("ada")).post("/flags/" + flag + "/clear").then().statusCode(403);
        given().auth().oauth2(Tokens.of("tara")).post("/flags/" + flag + "/clear").then().statusCode(200)
                .body("clearedBy", equalTo("tara"));
        given().auth().oauth2(Tokens.of("clara")).post("/flags/" + flag + "/clear").then().statusCode(409);
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/flags").then().body("$", hasSize(0));
        given().auth().oauth2(Tokens.of("ada")).queryParam("open", false).get("/episodes/" + episode + "/flags").then()
                .body("$", hasSize(1));
    }

    @Test
    void aFormFilledOnPaperTakesItsPlaceInTheTrajectoryByTheDayItWasGiven() {
        String episode = Episodes.open("northside");
        give("clara", episode, "PHQ-9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1)).statusCode(201);
        String yesterday = java.time.Instant.now().minus(java.time.Duration.ofDays(1)).toString();
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON)
                .body(Map.of("instrument", "PHQ-9", "answers", List.of(1, 1, 1, 1, 1, 1, 0, 0, 0),
                        "administeredAt", yesterday))
                .post("/episodes/" + episode + "/outcomes").then().statusCode(400)
                .body("errors[0].field", equalTo("administeredAt")); // before the episode opened
        long scores = Rows.count("outcome_score");
        String tomorrow = java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString();
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON)
                .body(Map.of("instrument", "PHQ-9", "answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0),
                        "administeredAt", tomorrow))
                .post("/episodes/" + episode + "/outcomes").then().statusCode(400)
                .body("errors[0].field", equalTo("administeredAt"));
        assertEquals(scores, Rows.count("outcome_score"));
        String opened = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode).then()
                .extract().path("openedAt");
        String earlier = java.time.Instant.parse(opened).plusMillis(1).toString();
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON)
                .body(Map.of("instrument", "PHQ-9", "answers", List.of(1, 1, 1, 1, 1, 1, 0, 0, 0),
                        "administeredAt", earlier))
                .post("/episodes/" + episode + "/outcomes").then().statusCode(201);
        // The paper form (6) sorts before today's (9), which stays the latest.
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/outcomes").then()
                .body("find { it.instrument == 'PHQ-9' }.trajectory.value", equalTo(List.of(12, 6, 9)))
                .body("find { it.instrument == 'PHQ-9' }.latest.value", equalTo(9));
    }

    @Test
    void skippedItemsAreKeptAsUnanswered() {
        String episode = Episodes.open("northside");
        // A "no" to item 2 leaves items 3-5 unasked; a "no" to item 6 leaves item 7 unasked.
        String id = give("clara", episode, "C-SSRS-SCREEN", Arrays.asList(1, 0, null, null, null, 0, null))
                .statusCode(201).extract().path("administrationId");
        assertEquals("1,0,-,-,-,0,-", QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select array_to_string(answers, ',', '-') from outcome_answers where administration_id = ?1")
                .setParameter(1, java.util.UUID.fromString(id)).getSingleResult()));
        give("clara", episode, "PHQ-9", Arrays.asList(1, 1, 0, 1, 0, 1, 1, 0, 0, null)).statusCode(201)
                .body("trajectories[0].latest.value", equalTo(5));
    }

    @Test
    void badAnswersAreRefusedNamingTheItemAndWriteNothing() {
        String episode = Episodes.open("northside");
        long scores = Rows.count("outcome_score");
        long answers = Rows.count("outcome_answers");
        give("clara", episode, "PHQ-9", List.of(1, 1, 0, 1, 7, 1, 1, 0, 0)).statusCode(400)
                .body("errors[0].field", equalTo("answers[4]"));
        give("clara", episode, "PHQ-9", Arrays.asList(1, 1, null, 1, 0, 1, 1, 0, 0)).statusCode(400)
                .body("errors[0].field", equalTo("answers[2]"));
        give("clara", episode, "BDI", List.of(1)).statusCode(400).body("errors[0].field", equalTo("instrument"));
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(Map.of("instrument", "PHQ-9"))
                .post("/episodes/" + episode + "/outcomes").then().statusCode(400)
                .body("errors[0].field", equalTo("answers"));
        assertEquals(scores, Rows.count("outcome_score"));
        assertEquals(answers, Rows.count("outcome_answers"));

        give("colin", episode, "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)).statusCode(404);
        give("ada", episode, "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)).statusCode(403);
        given().auth().oauth2(Tokens.of("colin")).get("/episodes/" + episode + "/outcomes").then().statusCode(404);
        given().get("/episodes/" + episode + "/outcomes").then().statusCode(401);
    }
}
