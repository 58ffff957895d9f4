package care.securebase.intake.rest;

import static care.securebase.intake.TestClients.clinician;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.Topics;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Caseload limits, the waitlist and priority overrides, at harbour (northside's clara has room). */
@QuarkusTest
class TriageResourceTest {

    private static int caseloadOf(String clinician) {
        return given().auth().oauth2(Tokens.of("hana")).get("/clinicians")
                .then().statusCode(200).extract().path("find { it.id == '" + clinician + "' }.caseload");
    }

    private static String completeAtHarbour(String name, List<Integer> phq9) {
        String clientId = ClientResourceTest.register("ivan", ClientResourceTest.newClient(name));
        given().auth().oauth2(Tokens.of("ivan")).contentType(ContentType.JSON)
                .body(Map.of("modality", "INDIVIDUAL", "presentingConcerns", "Demo", "phq9", phq9))
                .post("/clients/" + clientId + "/intakes")
                .then().statusCode(201).body("clinicianId", nullValue());
        return clientId;
    }

    @Test
    void withNoRoomClientsWaitInPriorityOrderAndAreAssignedAsPlacesFree() {
        clinician("hana", "colin", "harbour", 0);
        int colinsLoad = caseloadOf("colin");
        clinician("hana", "colin", "harbour", colinsLoad);
        given().auth().oauth2(Tokens.of("hana")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Hugo", "caseloadLimit", 0, "onCall", true, "active", true))
                .put("/clinicians/hugo").then().statusCode(200).body("onCall", equalTo(true));
        String routine = completeAtHarbour("Routine Waiter", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0));
        String urgent = completeAtHarbour("Urgent Waiter", List.of(1, 1, 1, 1, 1, 1, 1, 1, 2));

        given().auth().oauth2(Tokens.of("ivan")).get("/waitlist")
                .then().statusCode(200)
                .body("clientId", equalTo(List.of(urgent, routine)))
                .body("position", equalTo(List.of(1, 2)))
                .body("[0].priority", equalTo("URGENT"));
        given().auth().oauth2(Tokens.of("ivan")).get("/clients/" + routine).then().body("status", equalTo("WAITLISTED"));

        // The coordinator judges the routine client just as urgent; having waited longer, they move up.
        String routineIntake = given().auth().oauth2(Tokens.of("ivan")).get("/waitlist").then().extract()
                .path("find { it.clientId == '" + routine + "' }.intakeId");
        given().auth().oauth2(Tokens.of("ivan")).contentType(ContentType.JSON)
                .body(Map.of("priority", "URGENT", "reason", "Lost housing this week"))
                .post("/clients/" + routine + "/intakes/" + routineIntake + "/priority")
                .then().statusCode(200)
                .body("priority", equalTo("URGENT")).body("proposedPriority", equalTo("ROUTINE"))
                .body("priorityOverride.by", equalTo("ivan"));
        given().auth().oauth2(Tokens.of("ivan")).get("/waitlist")
                .then().body("clientId", equalTo(List.of(routine, urgent)));

        // A place frees up for one client only: the first waiting takes it.
        clinician("hana", "colin", "harbour", colinsLoad + 1);
        given().auth().oauth2(Tokens.of("ivan")).get("/waitlist")
                .then().body("clientId", equalTo(List.of(urgent))).body("[0].position", equalTo(1));
        given().auth().oauth2(Tokens.of("ivan")).get("/clients/" + routine)
                .then().body("status", equalTo("ASSIGNED")).body("clinicianId", equalTo("colin"));

        // Sessions hears of the assigned client only; the urgent one's risk flag went out at once.
        List<EventEnvelope> events = TestKafka.read("test-" + Topics.INTAKE, Duration.ofSeconds(20), seen ->
                seen.stream().anyMatch(e -> e.subject().equals(routine) && e.type().equals("intake-completed"))
                        && seen.stream().anyMatch(e -> e.subject().equals(urgent) && e.type().equals("risk-flag-raised")));
        assertTrue(events.stream().noneMatch(e -> e.subject().equals(urgent) && e.type().equals("intake-completed")));
        EventEnvelope flag = events.stream()
                .filter(e -> e.subject().equals(urgent) && e.type().equals("risk-flag-raised")).findFirst().orElseThrow();
        assertEquals("HIGH", flag.data().path("level").asText());
        assertEquals("PHQ9_ITEM9", flag.data().path("source").asText());
        assertEquals("hugo", flag.data().path("onCallClinicianId").asText());
        assertTrue(flag.data().path("clinicianId").isNull());
        assertEquals("colin", events.stream()
                .filter(e -> e.subject().equals(routine) && e.type().equals("intake-completed")).findFirst().orElseThrow()
                .data().path("clinicianId").asText());
    }

    @Test
    void aFullCaseloadIsAConflictNamingTheClinician() {
        clinician("ada", "nadia", "northside", 0);
        String clientId = ClientResourceTest.register("ingrid", ClientResourceTest.newClient("Full Caseload"));
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("modality", "INDIVIDUAL", "presentingConcerns", "Demo", "clinicianId", "nadia",
                        "phq9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .post("/clients/" + clientId + "/intakes")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("Nadia"));
        given().auth().oauth2(Tokens.of("ingrid")).get("/clients/" + clientId).then().body("status", equalTo("REGISTERED"));
    }

    @Test
    void onlyClinicAdminsKeepClinicianRecords() {
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "X", "caseloadLimit", 5, "onCall", false, "active", true))
                .put("/clinicians/clara").then().statusCode(403);
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "X", "caseloadLimit", -1, "onCall", false, "active", true))
                .put("/clinicians/someone").then().statusCode(400).body("errors[0].field", equalTo("caseloadLimit"));
        given().auth().oauth2(Tokens.of("sam")).get("/waitlist").then().statusCode(403);
        given().auth().oauth2(Tokens.of("ivan")).get("/clinicians")
                .then().statusCode(200).body("findAll { it.clinicId != 'harbour' }", hasSize(0));
    }

    @Test
    void freedPlacesGoToWaitingClientsWhetherALimitRisesOrSomeoneIsDischarged() {
        // Whatever earlier tests left waiting at harbour is placed with a temporary colleague first.
        clinician("hana", "drain", "harbour", 150);
        given().auth().oauth2(Tokens.of("hana")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Drain", "caseloadLimit", 150, "onCall", false, "active", false))
                .put("/clinicians/drain").then().statusCode(200);
        clinician("hana", "hugo", "harbour", 0);
        clinician("hana", "colin", "harbour", 0);
        int colinsLoad = caseloadOf("colin");
        clinician("hana", "colin", "harbour", colinsLoad);

        String first = completeAtHarbour("First Waiting", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0));
        given().auth().oauth2(Tokens.of("ivan")).get("/clients/" + first).then().body("status", equalTo("WAITLISTED"));
        clinician("hana", "colin", "harbour", colinsLoad + 1);
        given().auth().oauth2(Tokens.of("ivan")).get("/clients/" + first)
                .then().body("status", equalTo("ASSIGNED")).body("clinicianId", equalTo("colin"));

        String second = completeAtHarbour("Second Waiting", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0));
        given().auth().oauth2(Tokens.of("ivan")).get("/clients/" + second).then().body("status", equalTo("WAITLISTED"));
        var discharge = new care.securebase.events.EpisodeDischarged(java.util.UUID.randomUUID(),
                java.util.UUID.fromString(first), "harbour", "colin");
        EventEnvelope once = TestKafka.publish("test-" + Topics.SESSIONS, discharge);
        TestKafka.publish("test-" + Topics.SESSIONS, once);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("ivan")).get("/clients/" + second)
                        .then().body("status", equalTo("ASSIGNED")).body("clinicianId", equalTo("colin")));
        given().auth().oauth2(Tokens.of("ivan")).get("/clients/" + first).then().body("status", equalTo("DISCHARGED"));
        given().auth().oauth2(Tokens.of("hana")).get("/clinicians")
                .then().body("find { it.id == 'colin' }.caseload", equalTo(colinsLoad + 1));
    }
}
