package care.securebase.sessions.rest;

import static care.securebase.sessions.rest.Sessions.attended;
import static care.securebase.sessions.rest.Sessions.dap;
import static care.securebase.sessions.rest.Sessions.post;
import static care.securebase.sessions.rest.Sessions.writeNote;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import care.securebase.sessions.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NoteResourceTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void standing() {
        Practitioners.demoStanding();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDraftIsEditedThenSignedAndNeverChangesAgain() {
        String episode = Episodes.open("northside");
        String session = attended("clara", episode, Duration.ofHours(1));
        Map<String, Object> draft = dap("NOTE-7f3a");
        draft.put("sections", Map.of("data", "NOTE-7f3a arrived tense"));
        String note = writeNote("clara", session, draft).statusCode(201)
                .header("Location", containsString("/notes/"))
                .body("status", equalTo("DRAFT")).body("format", equalTo("DAP"))
                .body("sections", equalTo(List.of("data", "assessment", "plan")))
                .body("authorId", equalTo("clara")).extract().path("id");
        writeNote("clara", session, dap("again")).statusCode(409);

        // Signing needs every section.
        post("clara", "/notes/" + note + "/sign").statusCode(400).body("errors[0].field", equalTo("sections.assessment"));
        edit("tara", note, dap("NOTE-7f3a")).statusCode(403);
        edit("clara", note, dap("NOTE-7f3a")).statusCode(200).body("content.rupture.kind", equalTo("WITHDRAWAL"));
        post("tara", "/notes/" + note + "/sign").statusCode(403);
        post("clara", "/notes/" + note + "/sign").statusCode(200).body("status", equalTo("SIGNED"))
                .body("signedAt", notNullValue());

        edit("clara", note, dap("changed")).statusCode(409).contentType("application/problem+json");
        post("clara", "/notes/" + note + "/sign").statusCode(409);
        post("clara", "/notes/" + note + "/cosign").statusCode(409);

        given().auth().oauth2(Tokens.of("tara")).contentType(ContentType.JSON).body(Map.of("text", "NOTE-7f3a addendum"))
                .post("/notes/" + note + "/addenda").then().statusCode(201).body("authorId", equalTo("tara"));
        given().auth().oauth2(Tokens.of("clara")).get("/sessions/" + session + "/note").then().statusCode(200)
                .body("content.sections.plan", containsString("practise"))
                .body("content.riskCheck.level", equalTo("LOW"))
                .body("addenda", hasSize(1)).body("addenda[0].text", equalTo("NOTE-7f3a addendum"));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/sessions").then()
                .body("[0].noteId", equalTo(note)).body("[0].noteStatus", equalTo("SIGNED"));
    }

    @Test
    void aTraineesNoteWaitsForHerSupervisor() {
        String episode = Episodes.open("northside");
        String session = attended("tara", episode, Duration.ofHours(1));
        String note = writeNote("tara", session, dap("NOTE-t1")).statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("tara")).contentType(ContentType.JSON).body(Map.of("text", "too early"))
                .post("/notes/" + note + "/addenda").then().statusCode(409);
        post("tara", "/notes/" + note + "/sign").statusCode(200).body("status", equalTo("AWAITING_COSIGN"));
        edit("tara", note, dap("x")).statusCode(409);
        post("tara", "/notes/" + note + "/cosign").statusCode(403);
        post("colin", "/notes/" + note + "/cosign").statusCode(404);
        // The supervisor's queue and the trainee's own list show it; another clinic's does not.
        for (String who : List.of("clara", "tara", "ada")) {
            given().auth().oauth2(Tokens.of(who)).get("/notes/awaiting-cosign").then().statusCode(200)
                    .body("noteId", hasItem(note));
        }
        given().auth().oauth2(Tokens.of("colin")).get("/notes/awaiting-cosign").then().statusCode(200)
                .body("noteId", not(hasItem(note)));
        post("clara", "/notes/" + note + "/cosign").statusCode(200).body("status", equalTo("SIGNED"))
                .body("cosignedBy", equalTo("clara")).body("cosignedAt", notNullValue());
        given().auth().oauth2(Tokens.of("clara")).get("/notes/awaiting-cosign").then().statusCode(200)
                .body("noteId", not(hasItem(note)));
    }

    @Test
    void notesAreWrittenOnlyForSessionsThatHappened() {
        String episode = Episodes.open("northside");
        String scheduled = Sessions.schedule("clara", episode, Sessions.session(Instant.now().plus(Duration.ofDays(1))))
                .statusCode(201).extract().path("id");
        writeNote("clara", scheduled, dap("x")).statusCode(409);
        long before = Rows.count("session_note");
        String session = attended("clara", episode, Duration.ofHours(1));
        Map<String, Object> soap = dap("x");
        soap.put("sections", Map.of("subjective", "x"));
        writeNote("clara", session, soap).statusCode(400).body("errors[0].field", equalTo("sections.subjective"));
        Map<String, Object> badRisk = dap("x");
        badRisk.put("riskCheck", Map.of("level", "SEVERE"));
        writeNote("clara", session, badRisk).statusCode(400).body("errors[0].field", equalTo("riskCheck.level"));
        Map<String, Object> noKind = dap("x");
        noKind.put("rupture", Map.of("repaired", false));
        writeNote("clara", session, noKind).statusCode(400).body("errors[0].field", equalTo("rupture.kind"));
        assertEquals(before, Rows.count("session_note"));
    }

    @Test
    void progressIsRecordedOnlyAgainstTheCurrentPlansObjectives() {
        String episode = Episodes.open("northside");
        String session = attended("clara", episode, Duration.ofHours(1));
        Map<String, Object> unknown = dap("x");
        unknown.put("objectiveProgress", List.of(Map.of("objectiveId", "o-nothere", "progress", "x")));
        long before = Rows.count("session_note");
        writeNote("clara", session, unknown).statusCode(400)
                .body("errors[0].field", equalTo("objectiveProgress[0].objectiveId"));
        assertEquals(before, Rows.count("session_note"));

        List<String> objectives = PlanResourceTest.putPlan("clara", episode, PlanResourceTest.treatmentPlan())
                .statusCode(200).extract().path("plan.objectives.id");
        Map<String, Object> known = dap("x");
        known.put("objectiveProgress", List.of(Map.of("objectiveId", objectives.get(1), "progress", "Named two triggers")));
        writeNote("clara", session, known).statusCode(201)
                .body("content.objectiveProgress[0].objectiveId", equalTo(objectives.get(1)));
    }

    @Test
    void everyReadIsRecordedAndOnlyTheClinicAdminSeesTheRecord() {
        String episode = Episodes.open("northside");
        String clientId = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode).then()
                .extract().path("clientId");
        String note = Sessions.signedNote("clara", episode, "NOTE-audit");
        String session = given().auth().oauth2(Tokens.of("clara")).get("/notes/" + note).then().statusCode(200)
                .extract().path("sessionId");
        given().auth().oauth2(Tokens.of("tara")).get("/sessions/" + session + "/note").then().statusCode(200);
        // Admins do not read note bodies; another clinic's clinician sees nothing.
        given().auth().oauth2(Tokens.of("ada")).get("/notes/" + note).then().statusCode(403);
        given().auth().oauth2(Tokens.of("colin")).get("/notes/" + note).then().statusCode(404);
        given().auth().oauth2(Tokens.of("colin")).get("/sessions/" + session + "/note").then().statusCode(404);
        given().get("/notes/" + note).then().statusCode(401);

        given().auth().oauth2(Tokens.of("ada")).queryParam("noteId", note).get("/note-access").then().statusCode(200)
                .body("$", hasSize(2)).body("staffId", equalTo(List.of("tara", "clara")))
                .body("kind", everyItem(equalTo("NOTE"))).body("clientId", everyItem(equalTo(clientId)));
        given().auth().oauth2(Tokens.of("ada")).queryParam("clientId", clientId).queryParam("staffId", "tara")
                .get("/note-access").then().statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(Tokens.of("ada")).queryParam("noteId", note)
                .queryParam("from", Instant.now().plus(Duration.ofMinutes(5)).toString())
                .get("/note-access").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(Tokens.of("hana")).queryParam("noteId", note).get("/note-access").then().statusCode(200)
                .body("$", hasSize(0));
        given().auth().oauth2(Tokens.of("clara")).get("/note-access").then().statusCode(403);
        given().auth().oauth2(Tokens.of("ada")).queryParam("size", 500).get("/note-access").then().statusCode(400);

        // Nothing of the note travels on the sessions topic.
        var events = TestKafka.read("test-sessions-events", Duration.ofSeconds(2), seen -> false);
        assertFalse(events.stream().anyMatch(e -> e.data().toString().contains("NOTE-audit")));
    }

    @Test
    void draftsOlderThanTheClinicsDaysAreOverdue() {
        String episode = Episodes.open("northside");
        String session = attended("tara", episode, Duration.ofHours(1));
        String note = writeNote("tara", session, dap("NOTE-late")).statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("tara")).get("/notes/overdue").then().statusCode(200)
                .body("noteId", not(hasItem(note)));

        clock.fix(Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(2)));
        given().auth().oauth2(Tokens.of("tara")).get("/notes/overdue").then().statusCode(200)
                .body("noteId", hasItem(note)).body("authorId", everyItem(equalTo("tara")));
        // The supervisor and the admin see the clinic's; colin's clinic has none of these.
        given().auth().oauth2(Tokens.of("clara")).get("/notes/overdue").then().body("noteId", hasItem(note));
        given().auth().oauth2(Tokens.of("ada")).queryParam("authorId", "tara").get("/notes/overdue").then()
                .body("noteId", hasItem(note)).body("size()", greaterThanOrEqualTo(1));
        given().auth().oauth2(Tokens.of("colin")).get("/notes/overdue").then().body("noteId", not(hasItem(note)));

        post("tara", "/notes/" + note + "/sign").statusCode(200);
        given().auth().oauth2(Tokens.of("tara")).get("/notes/overdue").then().body("noteId", not(hasItem(note)));
    }

    private static io.restassured.response.ValidatableResponse edit(String user, String note, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(new HashMap<>(body))
                .put("/notes/" + note).then();
    }

}
