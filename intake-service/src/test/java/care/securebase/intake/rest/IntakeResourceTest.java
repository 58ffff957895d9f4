package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.IntakeCompleted;
import care.securebase.events.Topics;
import care.securebase.intake.Intake;
import care.securebase.intake.TestClients;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IntakeResourceTest {

    @org.junit.jupiter.api.BeforeEach
    void claraTakesNewClients() {
        TestClients.clinician("ada", "clara", "northside", 150);
    }

    private static Map<String, Object> intake(List<Integer> phq9) {
        return Map.of("modality", "INDIVIDUAL",
                "presentingConcerns", "SEEDED-CONCERN-7f3a fear of being left",
                "clinicianId", "clara",
                "phq9", phq9);
    }

    @Test
    void completingAnIntakeScoresTriagesAndAnnouncesIt() throws Exception {
        String clientId = ClientResourceTest.register("ingrid", ClientResourceTest.newClient("Alex Morgan"));

        String intakeId = given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(intake(List.of(2, 2, 2, 2, 2, 2, 2, 2, 2)))
                .post("/clients/" + clientId + "/intakes")
                .then().statusCode(201)
                .body("scores[0].instrument", equalTo("PHQ-9"))
                .body("scores[0].score", equalTo(18))
                .body("scores[0].band", equalTo("moderately severe"))
                .body("riskLevel", equalTo("HIGH"))
                .body("priority", equalTo("URGENT"))
                .extract().path("id");

        given().auth().oauth2(Tokens.of("clara")).get("/clients/" + clientId)
                .then().statusCode(200).body("status", equalTo("ASSIGNED")).body("clinicianId", equalTo("clara"));

        List<EventEnvelope> events = TestKafka.read("test-" + Topics.INTAKE, Duration.ofSeconds(20),
                seen -> seen.stream().anyMatch(e -> e.subject().equals(clientId) && e.type().equals("intake-completed")));
        EventEnvelope completed = events.stream()
                .filter(e -> e.subject().equals(clientId) && e.type().equals("intake-completed"))
                .findFirst().orElseThrow();
        IntakeCompleted payload = completed.payload(IntakeCompleted.class, TestKafka.MAPPER);
        assertEquals(intakeId, payload.intakeId().toString());
        assertEquals("northside", payload.clinicId());
        assertEquals("URGENT", payload.priority());
        assertEquals("intake-service", completed.source());
        // The free text stays in intake-service.
        assertFalse(completed.data().toString().contains("SEEDED-CONCERN"));
        assertTrue(events.stream().anyMatch(e -> e.subject().equals(clientId) && e.type().equals("client-registered")));
    }

    @Test
    void incompleteOrOutOfRangeAnswersAreRefusedWithTheItemNamed() {
        String clientId = ClientResourceTest.register("ingrid", ClientResourceTest.newClient("Casey Brook"));
        long before = QuarkusTransaction.requiringNew().call(() -> Intake.count());

        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(intake(List.of(1, 1, 1)))
                .post("/clients/" + clientId + "/intakes")
                .then().statusCode(400).body("errors[0].field", equalTo("phq9[3]"));
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(intake(List.of(1, 1, 1, 1, 7, 1, 1, 1, 1)))
                .post("/clients/" + clientId + "/intakes")
                .then().statusCode(400).body("errors[0].field", equalTo("phq9[4]"));

        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Intake.count()));
        given().auth().oauth2(Tokens.of("clara")).get("/clients/" + clientId)
                .then().body("status", equalTo("REGISTERED"));
    }

    @Test
    void anIntakeIsCompletedOnceAndAnUnknownClinicianIsRefusedWithNothingWritten() {
        String clientId = ClientResourceTest.register("ingrid", ClientResourceTest.newClient("Eli Stone"));
        long before = QuarkusTransaction.requiringNew().call(() -> Intake.count());
        var unknown = new java.util.HashMap<>(intake(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)));
        unknown.put("clinicianId", "nobody-here");
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON).body(unknown)
                .post("/clients/" + clientId + "/intakes")
                .then().statusCode(400).body("errors[0].field", equalTo("clinicianId"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Intake.count()));

        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(intake(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .post("/clients/" + clientId + "/intakes").then().statusCode(201);
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(intake(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .post("/clients/" + clientId + "/intakes").then().statusCode(409);
    }

    @Test
    void anotherClinicCannotCompleteTheIntake() {
        String clientId = ClientResourceTest.register("ingrid", ClientResourceTest.newClient("Dana Fox"));
        given().auth().oauth2(Tokens.of("ivan")).contentType(ContentType.JSON)
                .body(intake(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .post("/clients/" + clientId + "/intakes")
                .then().statusCode(404);
    }
}
