package care.securebase.sessions.rest;

import static care.securebase.sessions.rest.Sessions.schedule;
import static care.securebase.sessions.rest.Sessions.session;
import static care.securebase.sessions.rest.Sessions.status;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionResourceTest {

    @Test
    void sessionsAreScheduledListedInOrderAndMoveOnlyForward() {
        String episode = Episodes.open("northside");
        Instant later = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        Instant sooner = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        String second = schedule("clara", episode, session(later)).statusCode(201)
                .header("Location", containsString("/sessions/"))
                .body("status", equalTo("SCHEDULED")).body("modality", equalTo("COUPLE"))
                .body("attendees[1].role", equalTo("PARTNER")).body("attendees[1].name", equalTo("Alex"))
                .body("clinicianId", equalTo("clara")).body("lengthMinutes", equalTo(50))
                .body("nextStatuses", equalTo(List.of("ATTENDED", "CANCELLED", "NO_SHOW")))
                .extract().path("id");
        var alone = new java.util.HashMap<>(session(sooner));
        alone.remove("attendees");
        alone.put("telehealth", true);
        alone.put("modality", "INDIVIDUAL");
        String first = schedule("tara", episode, alone).statusCode(201)
                .body("attendees.role", equalTo(List.of("CLIENT"))).body("telehealth", equalTo(true))
                .extract().path("id");

        given().auth().oauth2(Tokens.of("ada")).get("/episodes/" + episode + "/sessions").then().statusCode(200)
                .body("id", equalTo(List.of(first, second))).body("noteId", equalTo(java.util.Arrays.asList(null, null)));

        status("clara", first, "NO_SHOW").statusCode(200).body("status", equalTo("NO_SHOW"))
                .body("statusChangedBy", equalTo("clara")).body("nextStatuses", hasSize(0));
        status("clara", first, "ATTENDED").statusCode(409).contentType("application/problem+json");
        status("clara", second, "SCHEDULED").statusCode(409);
        status("clara", second, "HELD").statusCode(400).body("errors[0].field", equalTo("status"));
        status("clara", second, "CANCELLED").statusCode(200);
        status("clara", second, "ATTENDED").statusCode(409);

        // A discharged episode takes no more sessions.
        Episodes.move("clara", episode, "DISCHARGED", "moved away").statusCode(200);
        schedule("clara", episode, session(later)).statusCode(409);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        String episode = Episodes.open("northside");
        long before = Rows.count("therapy_session");
        Instant start = Instant.now().plus(Duration.ofDays(2));
        var noLength = new java.util.HashMap<>(session(start));
        noLength.remove("lengthMinutes");
        schedule("clara", episode, noLength).statusCode(400).body("errors[0].field", equalTo("lengthMinutes"));
        var badRole = new java.util.HashMap<>(session(start));
        badRole.put("attendees", List.of(Map.of("role", "NEIGHBOUR")));
        schedule("clara", episode, badRole).statusCode(400).body("errors[0].field", containsString("attendees"));
        var noRole = new java.util.HashMap<>(session(start));
        noRole.put("attendees", List.of(Map.of("name", "Kim")));
        schedule("clara", episode, noRole).statusCode(400).body("errors[0].field", equalTo("attendees[0].role"));
        schedule("clara", episode, session(start.plus(Duration.ofDays(3000)))).statusCode(400)
                .body("errors[0].field", equalTo("plannedStart"));
        var tooLong = new java.util.HashMap<>(session(start));
        tooLong.put("lengthMinutes", 600);
        schedule("clara", episode, tooLong).statusCode(400).body("errors[0].field", equalTo("lengthMinutes"));
        assertEquals(before, Rows.count("therapy_session"));
    }

    @Test
    void onlyTheEpisodesClinicSeesItsSessions() {
        String episode = Episodes.open("northside");
        String id = schedule("clara", episode, session(Instant.now().plus(Duration.ofDays(1)))).statusCode(201)
                .extract().path("id");
        given().get("/episodes/" + episode + "/sessions").then().statusCode(401);
        status("sam", id, "ATTENDED").statusCode(403);
        given().auth().oauth2(Tokens.of("ingrid")).get("/sessions/" + id).then().statusCode(403);
        // Clinic-admins read the schedule but write no clinical records.
        schedule("ada", episode, session(Instant.now().plus(Duration.ofDays(1)))).statusCode(403);
        status("ada", id, "ATTENDED").statusCode(403);
        // Another clinic's clinician: 404, and nothing changes.
        given().auth().oauth2(Tokens.of("colin")).get("/episodes/" + episode + "/sessions").then().statusCode(404);
        given().auth().oauth2(Tokens.of("colin")).get("/sessions/" + id).then().statusCode(404);
        schedule("colin", episode, session(Instant.now().plus(Duration.ofDays(1)))).statusCode(404);
        status("colin", id, "ATTENDED").statusCode(404);
        given().auth().oauth2(Tokens.of("clara")).get("/sessions/" + id).then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("noteId", nullValue());
    }
}
