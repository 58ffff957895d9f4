package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helpers for sessions and notes. */
final class Sessions {

    private Sessions() {
    }

    static Map<String, Object> session(Instant start) {
        Map<String, Object> body = new HashMap<>();
        body.put("plannedStart", start.toString());
        body.put("lengthMinutes", 50);
        body.put("modality", "COUPLE");
        body.put("telehealth", false);
        body.put("attendees", List.of(Map.of("role", "CLIENT"), Map.of("role", "PARTNER", "name", "Alex")));
        return body;
    }

    static ValidatableResponse schedule(String user, String episodeId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .post("/episodes/" + episodeId + "/sessions").then();
    }

    static ValidatableResponse status(String user, String sessionId, String status) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(Map.of("status", status))
                .post("/sessions/" + sessionId + "/status").then();
    }

    /** An attended session that began {@code ago} before now; returns its id. */
    static String attended(String user, String episodeId, Duration ago) {
        String id = schedule(user, episodeId, session(Instant.now().minus(ago))).statusCode(201).extract().path("id");
        status(user, id, "ATTENDED").statusCode(200);
        return id;
    }

    static Map<String, Object> dap(String marker) {
        Map<String, Object> body = new HashMap<>();
        body.put("sections", Map.of("data", marker + " arrived tense", "assessment", marker + " anxious attachment",
                "plan", marker + " practise asking for support"));
        body.put("triggers", List.of(marker + " partner late home"));
        body.put("rupture", Map.of("kind", "WITHDRAWAL", "repaired", true, "text", marker + " went quiet"));
        body.put("regulationSkills", List.of("paced breathing"));
        body.put("homework", Map.of("set", marker + " notice the urge to withdraw", "reviewed", "done twice"));
        body.put("riskCheck", Map.of("level", "LOW", "text", marker + " passive thoughts, no plan"));
        return body;
    }

    static ValidatableResponse writeNote(String user, String sessionId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .post("/sessions/" + sessionId + "/note").then();
    }

    static ValidatableResponse post(String user, String path) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).post(path).then();
    }

    /** A signed note by {@code user} on a fresh attended session; returns the note id. */
    static String signedNote(String user, String episodeId, String marker) {
        String session = attended(user, episodeId, Duration.ofHours(2));
        String note = writeNote(user, session, dap(marker)).statusCode(201).extract().path("id");
        post(user, "/notes/" + note + "/sign").statusCode(200);
        return note;
    }
}
