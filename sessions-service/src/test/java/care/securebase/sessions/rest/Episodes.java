package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import care.securebase.events.EventEnvelope;
import care.securebase.events.IntakeCompleted;
import care.securebase.events.Topics;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers: episodes are opened the real way, by an intake-completed event on Kafka. */
final class Episodes {

    static final String INTAKE_TOPIC = "test-" + Topics.INTAKE;
    static final String SESSIONS_TOPIC = "test-" + Topics.SESSIONS;
    static final Duration WAIT = Duration.ofSeconds(45);

    private Episodes() {
    }

    /** A completed intake for a fresh client and clinician, so tests never see each other's episodes. */
    static IntakeCompleted intake(String clinicId) {
        return intake(UUID.randomUUID(), clinicId);
    }

    static IntakeCompleted intake(UUID clientId, String clinicId) {
        return new IntakeCompleted(UUID.randomUUID(), clientId, clinicId, "clin-" + UUID.randomUUID(), "SOON",
                "MODERATE", "INDIVIDUAL", List.of(new IntakeCompleted.ScoreSummary("PHQ-9", "total", 12, "moderate")));
    }

    static EventEnvelope publish(IntakeCompleted intake) {
        return TestKafka.publish(INTAKE_TOPIC, intake);
    }

    /** A clinician of the clinic, to look with. */
    static String clinicianOf(String clinicId) {
        return "northside".equals(clinicId) ? "clara" : "colin";
    }

    /** Waits until the client has {@code count} episodes and returns the newest one's id. */
    static String awaitEpisodes(UUID clientId, String clinicId, int count) {
        String token = Tokens.of(clinicianOf(clinicId));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> given().auth().oauth2(token)
                .queryParam("clientId", clientId).get("/episodes")
                .then().statusCode(200).extract().jsonPath().getList("id").size() >= count);
        return given().auth().oauth2(token).queryParam("clientId", clientId).get("/episodes")
                .then().extract().path("[0].id");
    }

    /** Opens an episode at the clinic and returns its id. */
    static String open(String clinicId) {
        IntakeCompleted intake = intake(clinicId);
        publish(intake);
        return awaitEpisodes(intake.clientId(), clinicId, 1);
    }

    static ValidatableResponse move(String user, String episodeId, String phase, String reason) {
        var body = new java.util.HashMap<String, Object>();
        body.put("phase", phase);
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .post("/episodes/" + episodeId + "/phase").then();
    }

    static ValidatableResponse startMaintenance(String user, String episodeId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .post("/episodes/" + episodeId + "/maintenance").then();
    }

    static Map<String, Object> plan(List<String> boosters) {
        var body = new java.util.HashMap<String, Object>(Map.of(
                "relapseWarningSigns", List.of("SEEDED-PLAN-4c1d sleeping badly for a week"),
                "copingTools", List.of("SEEDED-PLAN-4c1d call my sister", "walk before work"),
                "supports", List.of("SEEDED-PLAN-4c1d sister Ana")));
        if (boosters != null) {
            body.put("boosters", boosters);
        }
        return body;
    }

    /** Reads the sessions topic until {@code done} holds for the events about the client. */
    static List<EventEnvelope> eventsAbout(UUID clientId, java.util.function.Predicate<List<EventEnvelope>> done) {
        String subject = clientId.toString();
        return TestKafka.read(SESSIONS_TOPIC, WAIT,
                        seen -> done.test(seen.stream().filter(e -> subject.equals(e.subject())).toList()))
                .stream().filter(e -> subject.equals(e.subject())).toList();
    }
}
