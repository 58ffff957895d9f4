package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AppointmentLinkTest {

    @BeforeEach
    void standing() {
        Practitioners.demoStanding();
    }

    static ValidatableResponse answer(String link, String action) {
        return given().contentType(ContentType.JSON).body(Map.of("action", action))
                .post("/links/appointments/" + link).then();
    }

    static List<EventEnvelope> events(String client, String type, int atLeast) {
        return CheckIns.of(Episodes.eventsAbout(UUID.fromString(client),
                seen -> CheckIns.of(seen, type).size() >= atLeast), type);
    }

    @Test
    void aScheduledSessionsLinkConfirmsOnceAndTheCaseloadShowsIt() {
        String episode = Episodes.open("northside");
        String client = CheckIns.clientOf("clara", episode);
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = Sessions.session(start);
        body.put("telehealth", true);
        String session = Sessions.schedule("clara", episode, body).statusCode(201)
                .body("confirmation", equalTo("NOT_CONFIRMED"))
                .body("videoLink", equalTo("https://video.northside.securebase.test/room")).extract().path("id");

        EventEnvelope scheduled = events(client, "appointment-scheduled", 1).get(0);
        String link = scheduled.data().path("link").asText();
        assertEquals(session, scheduled.data().path("sessionId").asText());
        assertEquals(start, Instant.parse(scheduled.data().path("startsAt").asText()));
        assertEquals("https://video.northside.securebase.test/room", scheduled.data().path("videoLink").asText());
        assertFalse(scheduled.data().toString().contains("Alex"), "no attendee's name: " + scheduled.data());
        assertFalse(scheduled.data().toString().contains("COUPLE"), "no modality: " + scheduled.data());

        given().get("/links/appointments/" + link).then().statusCode(200)
                .body("clinicName", equalTo("Northside Clinic")).body("startsAt", equalTo(start.toString()))
                .body("timeZone", equalTo("Europe/London")).body("telehealth", equalTo(true))
                .body("videoLink", equalTo("https://video.northside.securebase.test/room"))
                .body("confirmation", equalTo("NOT_CONFIRMED"));
        given().get("/links/check-ins/" + link).then().statusCode(404);
        answer(link, "MAYBE").statusCode(400);
        answer(link, "CONFIRM").statusCode(200).body("confirmation", equalTo("CONFIRMED"));
        given().get("/links/appointments/" + link).then().statusCode(404).body("title", equalTo("Not Found"));
        answer(link, "CANCEL_REQUEST").statusCode(404);

        given().auth().oauth2(Tokens.of("clara")).get("/sessions/" + session).then().statusCode(200)
                .body("confirmation", equalTo("CONFIRMED"));
        String clinician = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode).then()
                .extract().path("clinicianId");
        given().auth().oauth2(Tokens.of("clara")).queryParam("clinicianId", clinician).get("/caseload").then()
                .statusCode(200)
                .body("find { it.episodeId == '" + episode + "' }.nextSession.id", equalTo(session))
                .body("find { it.episodeId == '" + episode + "' }.nextSession.startsAt", equalTo(start.toString()))
                .body("find { it.episodeId == '" + episode + "' }.nextSession.confirmation", equalTo("CONFIRMED"));
    }

    @Test
    void aMovedSessionGetsANewLinkByWhichTheClientAsksToCancel() {
        String episode = Episodes.open("harbour");
        String client = CheckIns.clientOf("colin", episode);
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        String session = Sessions.schedule("colin", episode, Sessions.session(start)).statusCode(201)
                .body("videoLink", nullValue()).extract().path("id");
        String first = events(client, "appointment-scheduled", 1).get(0).data().path("link").asText();
        assertTrue(events(client, "appointment-scheduled", 1).get(0).data().path("videoLink").isNull());

        Instant later = start.plus(Duration.ofDays(1));
        given().auth().oauth2(Tokens.of("colin")).contentType(ContentType.JSON)
                .body(Map.of("plannedStart", later.toString())).post("/sessions/" + session + "/move").then()
                .statusCode(200).body("plannedStart", equalTo(later.toString()));
        EventEnvelope moved = events(client, "appointment-scheduled", 2).get(1);
        String second = moved.data().path("link").asText();
        assertNotEquals(first, second);
        assertEquals(later, Instant.parse(moved.data().path("startsAt").asText()));
        given().get("/links/appointments/" + first).then().statusCode(404);

        answer(second, "CANCEL_REQUEST").statusCode(200).body("confirmation", equalTo("CANCEL_REQUESTED"));
        EventEnvelope asked = events(client, "appointment-cancel-requested", 1).get(0);
        assertEquals(session, asked.data().path("sessionId").asText());
        given().auth().oauth2(Tokens.of("colin")).get("/sessions/" + session).then()
                .body("status", equalTo("SCHEDULED")).body("confirmation", equalTo("CANCEL_REQUESTED"));

        given().auth().oauth2(Tokens.of("colin")).contentType(ContentType.JSON)
                .body(Map.of("plannedStart", Instant.now().minusSeconds(60).toString()))
                .post("/sessions/" + session + "/move").then().statusCode(400)
                .body("errors[0].field", equalTo("plannedStart"));
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON)
                .body(Map.of("plannedStart", later.toString())).post("/sessions/" + session + "/move").then()
                .statusCode(404);

        Sessions.status("colin", session, "CANCELLED").statusCode(200);
        EventEnvelope cancelled = events(client, "appointment-cancelled", 1).get(0);
        assertEquals(session, cancelled.data().path("sessionId").asText());
        given().auth().oauth2(Tokens.of("colin")).contentType(ContentType.JSON)
                .body(Map.of("plannedStart", later.toString())).post("/sessions/" + session + "/move").then()
                .statusCode(409);
    }

    @Test
    void aVideoLinkIsForTelehealthSessionsOnly() {
        String episode = Episodes.open("northside");
        Map<String, Object> body = Sessions.session(Instant.now().plus(Duration.ofDays(2)));
        body.put("videoLink", "https://video.example.test/r/1");
        Sessions.schedule("clara", episode, body).statusCode(400).body("errors[0].field", equalTo("videoLink"));
        body.put("telehealth", true);
        body.put("videoLink", "http://video.example.test/r/1");
        Sessions.schedule("clara", episode, body).statusCode(400).body("errors[0].field", equalTo("videoLink"));
        body.put("videoLink", "https://video.example.test/r/1");
        Sessions.schedule("clara", episode, body).statusCode(201).body("videoLink", equalTo("https://video.example.test/r/1"));
    }
}
