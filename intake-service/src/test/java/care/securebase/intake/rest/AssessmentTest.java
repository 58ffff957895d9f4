package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.Topics;
import care.securebase.intake.Intake;
import care.securebase.intake.TestClients;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The full intake assessment: several instruments scored from their definitions, and the relational picture. */
@QuarkusTest
class AssessmentTest {

    @BeforeEach
    void claraTakesNewClients() {
        TestClients.clinician("ada", "clara", "northside", 150);
    }

    private static Map<String, Object> assessment(List<Map<String, Object>> instruments) {
        Map<String, Object> body = new HashMap<>();
        body.put("modality", "COUPLE");
        body.put("attendees", List.of(Map.of("relationship", "PARTNER", "name", "Sam Rivera")));
        body.put("presentingConcerns", "SEEDED-CONCERN-91c2 conflict at home");
        body.put("relationalThemes", List.of("FEAR_OF_ABANDONMENT", "PEOPLE_PLEASING"));
        body.put("relationalHistory", "SEEDED-HISTORY-44d0 left by a parent at six");
        body.put("triggers", List.of("partner going quiet"));
        body.put("bodilyResponses", List.of("tight chest"));
        body.put("currentFunctioning", "working, sleeping poorly");
        body.put("clinicianId", "clara");
        body.put("instruments", instruments);
        return body;
    }

    private static Map<String, Object> instrument(String code, List<Integer> answers) {
        return Map.of("code", code, "answers", answers);
    }

    private static List<Integer> ecrR() {
        List<Integer> answers = new ArrayList<>(Collections.nCopies(36, 4));
        answers.set(0, 7);
        return answers;
    }

    @Test
    void everyInstrumentIsScoredAndOnlyScoresTravel() throws Exception {
        String clientId = TestClients.register("ingrid", "Robin Assessed " + TestClients.letters(6), Map.of());
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(assessment(List.of(
                        instrument("PHQ-9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0)),
                        instrument("GAD-7", List.of(3, 3, 3, 3, 3, 0, 0)),
                        instrument("ECR-R", ecrR()))))
                .post("/clients/" + clientId + "/intakes")
                .then().statusCode(201)
                .body("priority", equalTo("SOON"))
                .body("riskLevel", equalTo("NONE"))
                .body("scores.instrument", hasItems("PHQ-9", "GAD-7", "ECR-R"))
                .body("scores.find { it.instrument == 'GAD-7' }.band", equalTo("severe"))
                .body("scores.find { it.instrument == 'ECR-R' && it.scale == 'anxiety' }.score", equalTo(4.17f));

        EventEnvelope completed = TestKafka.read("test-" + Topics.INTAKE, Duration.ofSeconds(20), seen -> seen.stream()
                        .anyMatch(e -> e.subject().equals(clientId) && e.type().equals("intake-completed")))
                .stream().filter(e -> e.subject().equals(clientId) && e.type().equals("intake-completed"))
                .findFirst().orElseThrow();
        String data = completed.data().toString();
        assertTrue(data.contains("\"scale\":\"avoidance\""), data);
        assertEquals("COUPLE", completed.data().path("modality").asText());
        assertFalse(data.contains("SEEDED-"), "no free text in the event");
        assertFalse(data.contains("answers"), "no answers in the event");
    }

    @Test
    void aPositiveSuicideScreenIsUrgentAndFlaggedAtOnce() {
        String clientId = TestClients.register("ingrid", "Kai Screened " + TestClients.letters(6), Map.of());
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(assessment(List.of(instrument("PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)),
                        instrument("C-SSRS-SCREEN", List.of(1, 1, 1, 1, 0, 0, 0)))))
                .post("/clients/" + clientId + "/intakes")
                .then().statusCode(201)
                .body("riskLevel", equalTo("HIGH")).body("riskSource", equalTo("CSSRS_SCREEN"))
                .body("priority", equalTo("URGENT"));
        EventEnvelope flag = TestKafka.read("test-" + Topics.INTAKE, Duration.ofSeconds(20), seen -> seen.stream()
                        .anyMatch(e -> e.subject().equals(clientId) && e.type().equals("risk-flag-raised")))
                .stream().filter(e -> e.subject().equals(clientId) && e.type().equals("risk-flag-raised"))
                .findFirst().orElseThrow();
        assertEquals("CSSRS_SCREEN", flag.data().path("source").asText());
    }

    @Test
    void badAssessmentsAreRefusedNamingTheFieldAndWriteNothing() {
        String clientId = TestClients.register("ingrid", "Lee Refused " + TestClients.letters(6), Map.of());
        long before = QuarkusTransaction.requiringNew().call(() -> Intake.count());
        List<Integer> phq = List.of(0, 0, 0, 0, 0, 0, 0, 0, 0);

        expect400(clientId, assessment(List.of(instrument("PHQ-9", phq), instrument("MADE-UP", List.of(1)))),
                "instruments[1].code");
        expect400(clientId, assessment(List.of(instrument("PHQ-9", phq), instrument("phq-9", phq))),
                "instruments[1].code");
        expect400(clientId, assessment(List.of(instrument("GAD-7", List.of(0, 0, 9, 0, 0, 0, 0)))),
                "instruments[0].answers[2]");
        expect400(clientId, assessment(List.of()), "instruments");
        Map<String, Object> noPartner = assessment(List.of(instrument("PHQ-9", phq)));
        noPartner.remove("attendees");
        expect400(clientId, noPartner, "attendees");
        Map<String, Object> badTheme = assessment(List.of(instrument("PHQ-9", phq)));
        badTheme.put("relationalThemes", List.of("NOT_A_THEME"));
        expect400(clientId, badTheme, "relationalThemes[0]");
        Map<String, Object> longHistory = assessment(List.of(instrument("PHQ-9", phq)));
        longHistory.put("relationalHistory", "x".repeat(4001));
        expect400(clientId, longHistory, "relationalHistory");

        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Intake.count()));
        given().auth().oauth2(Tokens.of("ingrid")).get("/clients/" + clientId).then().body("status", equalTo("REGISTERED"));
    }

    private static void expect400(String clientId, Map<String, Object> body, String field) {
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON).body(body)
                .post("/clients/" + clientId + "/intakes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
