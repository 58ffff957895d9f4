package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;

import care.securebase.events.EventEnvelope;
import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers for check-in schedules and their links. */
final class CheckIns {

    private CheckIns() {
    }

    static Map<String, Object> weekly(String... instruments) {
        Map<String, Object> body = new HashMap<>();
        body.put("instruments", List.of(instruments));
        body.put("frequency", "WEEKLY");
        body.put("until", LocalDate.now(ZoneOffset.UTC).plusDays(60).toString());
        body.put("includeWarningSigns", false);
        body.put("includeCopingTools", false);
        body.put("diaryPrompt", true);
        return body;
    }

    static ValidatableResponse put(String user, String episode, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .put("/episodes/" + episode + "/check-in-schedule").then();
    }

    static String clientOf(String user, String episode) {
        return given().auth().oauth2(Tokens.of(user)).get("/episodes/" + episode).then().statusCode(200)
                .extract().path("clientId");
    }

    /** Waits for the client's {@code n}-th check-in-due and returns it. */
    static EventEnvelope due(String clientId, int n) {
        return Episodes.eventsAbout(UUID.fromString(clientId), seen -> of(seen, "check-in-due").size() >= n).stream()
                .filter(e -> e.type().equals("check-in-due")).skip(n - 1L).findFirst().orElseThrow();
    }

    static List<EventEnvelope> of(List<EventEnvelope> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    static ValidatableResponse submit(String link, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/links/check-ins/" + link).then();
    }

    static Map<String, Object> answers(String key, List<Integer> phq9, String diary) {
        Map<String, Object> body = new HashMap<>();
        body.put("answers", Map.of(key, phq9));
        if (diary != null) {
            body.put("diary", diary);
        }
        return body;
    }
}
