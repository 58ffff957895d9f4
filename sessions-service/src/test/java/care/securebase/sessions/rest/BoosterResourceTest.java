package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import care.securebase.events.EventEnvelope;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BoosterResourceTest {

    static ValidatableResponse edit(String user, String episode, List<Map<String, Object>> boosters) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(Map.of("boosters", boosters))
                .put("/episodes/" + episode + "/maintenance/boosters").then();
    }

    static Map<String, Object> slot(String id, Instant due) {
        Map<String, Object> m = new HashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        m.put("dueAt", due.toString());
        return m;
    }

    /** An episode in maintenance with the default four boosters; returns [episodeId, clientId]. */
    static String[] inMaintenance() {
        String episode = Episodes.open("northside");
        Episodes.move("clara", episode, "ACTIVE_TREATMENT", null).statusCode(200);
        Episodes.startMaintenance("clara", episode, Episodes.plan(null)).statusCode(201);
        String client = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode).then()
                .extract().path("clientId");
        return new String[] {episode, client};
    }

    @Test
    void editingTheScheduleMovesCancelsAndAddsAndAnnouncesWhatIsOutstanding() {
        String[] e = inMaintenance();
        List<String> ids = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + e[0] + "/maintenance").then()
                .extract().path("boosters.id");
        Instant moved = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        Instant added = Instant.now().plus(Duration.ofDays(500)).truncatedTo(ChronoUnit.SECONDS);
        // Keep 0 (moved), drop 1, keep 2 and 3 as they are, add one.
        List<String> dues = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + e[0] + "/maintenance").then()
                .extract().path("boosters.dueAt");
        edit("clara", e[0], List.of(slot(ids.get(0), moved), slot(ids.get(2), Instant.parse(dues.get(2))),
                slot(ids.get(3), Instant.parse(dues.get(3))), slot(null, added))).statusCode(200)
                .body("findAll { it.status == 'SCHEDULED' }.size()", equalTo(4))
                .body("find { it.id == '" + ids.get(1) + "' }.status", equalTo("CANCELLED"));

        EventEnvelope changed = Episodes.eventsAbout(java.util.UUID.fromString(e[1]), seen -> seen.stream()
                .anyMatch(x -> x.type().equals("booster-schedule-changed"))).stream()
                .filter(x -> x.type().equals("booster-schedule-changed")).findFirst().orElseThrow();
        List<String> announced = new ArrayList<>();
        changed.data().path("boosters").forEach(b -> announced.add(b.path("boosterId").asText()));
        assertEquals(4, announced.size());
        assertFalse(announced.contains(ids.get(1)));
        assertEquals(moved, Instant.parse(changed.data().path("boosters").get(0).path("dueAt").asText()));
    }

    @Test
    void badSchedulesAreRefusedAndWriteNothing() {
        String[] e = inMaintenance();
        List<String> ids = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + e[0] + "/maintenance").then()
                .extract().path("boosters.id");
        long before = Rows.count("booster");
        Instant soon = Instant.now().plus(Duration.ofDays(5));
        edit("clara", e[0], List.of(slot(ids.get(0), soon), slot(null, Instant.now().minus(Duration.ofDays(1)))))
                .statusCode(400).body("errors[0].field", equalTo("boosters[1].dueAt"));
        edit("clara", e[0], List.of(slot(java.util.UUID.randomUUID().toString(), soon))).statusCode(400)
                .body("errors[0].field", equalTo("boosters[0].id"));
        edit("clara", e[0], List.of(slot(ids.get(0), soon), slot(ids.get(0), soon.plusSeconds(60)))).statusCode(400)
                .body("errors[0].field", equalTo("boosters[1].id"));
        edit("colin", e[0], List.of(slot(null, soon))).statusCode(404);
        edit("ada", e[0], List.of(slot(null, soon))).statusCode(403);
        assertEquals(before, Rows.count("booster"));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + e[0] + "/maintenance").then()
                .body("boosters.status", equalTo(List.of("SCHEDULED", "SCHEDULED", "SCHEDULED", "SCHEDULED")));
        // Not in maintenance: nothing to edit.
        String other = Episodes.open("northside");
        edit("clara", other, List.of(slot(null, soon))).statusCode(409);
    }

    @Test
    void attendedAndMissedBoostersAreRecordedAndAMissedOneIsFlagged() {
        String[] e = inMaintenance();
        List<String> ids = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + e[0] + "/maintenance").then()
                .extract().path("boosters.id");
        given().auth().oauth2(Tokens.of("colin")).post("/boosters/" + ids.get(0) + "/attended").then().statusCode(404);
        given().auth().oauth2(Tokens.of("clara")).post("/boosters/" + ids.get(0) + "/attended").then().statusCode(200)
                .body("status", equalTo("ATTENDED")).body("recordedBy", equalTo("clara"));
        given().auth().oauth2(Tokens.of("clara")).post("/boosters/" + ids.get(0) + "/missed").then().statusCode(409);
        given().auth().oauth2(Tokens.of("clara")).post("/boosters/" + ids.get(1) + "/missed").then().statusCode(200)
                .body("status", equalTo("MISSED"));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + e[0] + "/flags").then()
                .body("kind", equalTo(List.of("MISSED_BOOSTER"))).body("[0].sourceRef", equalTo(ids.get(1)));

        List<EventEnvelope> recorded = Episodes.eventsAbout(java.util.UUID.fromString(e[1]), seen -> seen.stream()
                .filter(x -> x.type().equals("booster-recorded")).count() >= 2).stream()
                .filter(x -> x.type().equals("booster-recorded")).toList();
        assertEquals(List.of("ATTENDED", "MISSED"), recorded.stream().map(x -> x.data().path("outcome").asText()).toList());

        // Warning signs are named by position; the flag says how many, not what.
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(Map.of("reported", List.of(0, 3)))
                .post("/episodes/" + e[0] + "/maintenance/warning-signs").then().statusCode(400)
                .body("errors[0].field", equalTo("reported[1]"));
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(Map.of("reported", List.of(0)))
                .post("/episodes/" + e[0] + "/maintenance/warning-signs").then().statusCode(201)
                .body("kind", equalTo("WARNING_SIGN")).body("detail", equalTo("1 of 1 warning signs: 0"));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + e[0] + "/flags").then()
                .body("kind", hasItem("WARNING_SIGN")).body("$", hasSize(2));
    }
}
