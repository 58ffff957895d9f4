package care.securebase.intake.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.instruments.InstrumentCatalog;
import care.securebase.instruments.InstrumentDefinition;
import care.securebase.intake.TestClients;
import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FhirResourceTest {

    @Inject
    InstrumentCatalog catalog;

    @Test
    void aClientIsAValidFhirPatient() {
        String id = TestClients.register("ingrid", "Jordan Avery Lee", Map.of("email", "jo.lee@example.org"));
        String json = given().auth().oauth2(Tokens.of("clara")).get("/fhir/Patient/" + id)
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();

        assertEquals(java.util.List.of(), FhirValidation.errors(json));
        Patient patient = FhirValidation.CONTEXT.newJsonParser().parseResource(Patient.class, json);
        assertEquals(id, patient.getIdElement().getIdPart());
        assertEquals("Jordan Avery Lee", patient.getName().stream()
                .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst().orElseThrow().getText());
        assertEquals("1990-04-12", patient.getBirthDateElement().getValueAsString());
        assertTrue(patient.getTelecom().stream().anyMatch(t -> t.getSystem() == ContactPoint.ContactPointSystem.EMAIL
                && t.getValue().equals("jo.lee@example.org") && t.getRank() == 1));
        assertEquals("northside", patient.getManagingOrganization().getIdentifier().getValue());
    }

    @Test
    void theGuardianAndTheEmergencyContactAreThePatientsContacts() {
        String id = TestClients.register("ingrid", "Robin Young", Map.of(
                "dateOfBirth", "2015-06-01",
                "guardian", Map.of("name", "Pat Young", "relationship", "mother", "phone", "+44 20 7946 1111",
                        "email", "pat.young@example.org"),
                "emergencyContact", Map.of("name", "Sam Young", "relationship", "aunt", "phone", "+44 20 7946 2222"),
                "consents", java.util.List.of(Map.of("scope", "TREATMENT", "granted", true, "recordedFor", "GUARDIAN",
                        "formVersion", "consent-form-2026.1"))));
        String json = given().auth().oauth2(Tokens.of("clara")).get("/fhir/Patient/" + id)
                .then().statusCode(200).extract().asString();

        assertEquals(java.util.List.of(), FhirValidation.errors(json));
        Patient patient = FhirValidation.CONTEXT.newJsonParser().parseResource(Patient.class, json);
        assertEquals(2, patient.getContact().size());
        Patient.ContactComponent guardian = patient.getContact().get(0);
        assertEquals("Pat Young", guardian.getName().getText());
        assertEquals("394619001", guardian.getRelationshipFirstRep().getCodingFirstRep().getCode());
        assertEquals("http://snomed.info/sct", guardian.getRelationshipFirstRep().getCodingFirstRep().getSystem());
        assertEquals("mother", guardian.getRelationshipFirstRep().getText());
        assertEquals(java.util.List.of("+44 20 7946 1111", "pat.young@example.org"),
                guardian.getTelecom().stream().map(ContactPoint::getValue).toList());
        Patient.ContactComponent emergency = patient.getContact().get(1);
        assertEquals("Sam Young", emergency.getName().getText());
        assertEquals("C", emergency.getRelationshipFirstRep().getCodingFirstRep().getCode());
        assertEquals("http://terminology.hl7.org/CodeSystem/v2-0131",
                emergency.getRelationshipFirstRep().getCodingFirstRep().getSystem());
        assertEquals("aunt", emergency.getRelationshipFirstRep().getText());
        assertEquals("+44 20 7946 2222", emergency.getTelecomFirstRep().getValue());

        String adult = TestClients.register("ingrid", "Alex Noone", Map.of());
        String plain = given().auth().oauth2(Tokens.of("clara")).get("/fhir/Patient/" + adult)
                .then().statusCode(200).extract().asString();
        assertTrue(FhirValidation.CONTEXT.newJsonParser().parseResource(Patient.class, plain).getContact().isEmpty());
    }

    @Test
    void completedInstrumentsAreValidQuestionnaireResponses() {
        TestClients.clinician("ada", "clara", "northside", 150);
        String clientId = TestClients.register("ingrid", "Quinn Answered", Map.of("email", "quinn.fhir@example.org"));
        given().auth().oauth2(Tokens.of("ingrid")).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("modality", "INDIVIDUAL", "presentingConcerns", "Demo", "clinicianId", "clara",
                        "instruments", java.util.List.of(
                                Map.of("code", "PHQ-9", "answers", java.util.List.of(1, 2, 1, 1, 0, 1, 1, 0, 0)),
                                Map.of("code", "ECR-R", "answers", java.util.Collections.nCopies(36, 3)))))
                .post("/clients/" + clientId + "/intakes").then().statusCode(201);

        String json = given().auth().oauth2(Tokens.of("clara")).queryParam("subject", "Patient/" + clientId)
                .get("/fhir/QuestionnaireResponse")
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        assertEquals(java.util.List.of(), FhirValidation.errors(json));
        var bundle = FhirValidation.CONTEXT.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, json);
        assertEquals(2, bundle.getTotal());
        var phq9 = bundle.getEntry().stream().map(e -> (org.hl7.fhir.r4.model.QuestionnaireResponse) e.getResource())
                .filter(r -> r.getQuestionnaire().equals("http://loinc.org/q/44249-1")).findFirst().orElseThrow();
        assertEquals("Patient/" + clientId, phq9.getSubject().getReference());
        // Item 1 is linked by its LOINC code; the total (44261-6) is 7, banded mild.
        assertEquals("44250-9", phq9.getItemFirstRep().getLinkId());
        assertTrue(phq9.getItem().stream().anyMatch(i -> i.getLinkId().equals("44261-6")
                && i.getAnswerFirstRep().getValueDecimalType().getValue().intValue() == 7));
        assertTrue(phq9.getItem().stream().anyMatch(i -> i.getLinkId().equals("band-total")
                && i.getAnswerFirstRep().getValueStringType().getValue().equals("mild")));

        String oneId = phq9.getIdElement().getIdPart();
        String one = given().auth().oauth2(Tokens.of("clara")).get("/fhir/QuestionnaireResponse/" + oneId)
                .then().statusCode(200).extract().asString();
        assertEquals(java.util.List.of(), FhirValidation.errors(one));
        given().auth().oauth2(Tokens.of("colin")).get("/fhir/QuestionnaireResponse/" + oneId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("clara")).queryParam("subject", "nonsense")
                .get("/fhir/QuestionnaireResponse").then().statusCode(400);
    }

    /**
     * Every instrument, its skippable items left out (C-SSRS items 3-5 after a "no" to item 2, item 7 after
     * a "no" to item 6; PHQ-9's unscored item 10): each answered item comes back with its answer, each
     * skipped one has no item, and the bundle is valid FHIR.
     */
    @Test
    void everyInstrumentRoundTripsWithItsSkippedItems() {
        TestClients.clinician("ada", "clara", "northside", 150);
        String clientId = TestClients.register("ingrid", "Skipper Items", Map.of("email", "skipper.fhir@example.org"));
        Map<String, List<Integer>> administered = new LinkedHashMap<>();
        for (InstrumentDefinition d : catalog.latestOfEach()) {
            administered.put(d.code(), skippingWhatMayBeSkipped(d));
        }
        assertTrue(administered.get("C-SSRS-SCREEN").contains(null), "the catalog has a C-SSRS with skippable items");
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("modality", "INDIVIDUAL", "presentingConcerns", "Demo", "clinicianId", "clara",
                        "instruments", administered.entrySet().stream()
                                .map(e -> Map.of("code", e.getKey(), "answers", e.getValue())).toList()))
                .post("/clients/" + clientId + "/intakes").then().statusCode(201);

        String json = given().auth().oauth2(Tokens.of("clara")).queryParam("subject", "Patient/" + clientId)
                .get("/fhir/QuestionnaireResponse")
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        assertEquals(List.of(), FhirValidation.errors(json));
        Bundle bundle = FhirValidation.CONTEXT.newJsonParser().parseResource(Bundle.class, json);
        assertEquals(administered.size(), bundle.getTotal());
        for (InstrumentDefinition d : catalog.latestOfEach()) {
            String questionnaire = d.loincPanel() != null ? "http://loinc.org/q/" + d.loincPanel()
                    : QuestionnaireResponseMapper.QUESTIONNAIRE_BASE + d.code() + "|" + d.version();
            QuestionnaireResponse response = bundle.getEntry().stream().map(e -> (QuestionnaireResponse) e.getResource())
                    .filter(r -> r.getQuestionnaire().equals(questionnaire)).findFirst().orElseThrow();
            List<Integer> answers = administered.get(d.code());
            for (InstrumentDefinition.Item item : d.items()) {
                String linkId = item.loinc() != null ? item.loinc() : String.valueOf(item.number());
                List<QuestionnaireResponse.QuestionnaireResponseItemComponent> found = response.getItem().stream()
                        .filter(i -> i.getLinkId().equals(linkId)).toList();
                Integer answer = answers.get(item.number() - 1);
                if (answer == null) {
                    assertEquals(List.of(), found, d.label() + " item " + item.number() + " was skipped");
                } else {
                    assertEquals(1, found.size(), d.label() + " item " + item.number());
                    assertEquals(answer, found.get(0).getAnswerFirstRep().getValueIntegerType().getValue(),
                            d.label() + " item " + item.number());
                }
            }
            // Each response reads on its own too.
            String one = given().auth().oauth2(Tokens.of("clara"))
                    .get("/fhir/QuestionnaireResponse/" + response.getIdElement().getIdPart())
                    .then().statusCode(200).extract().asString();
            assertEquals(List.of(), FhirValidation.errors(one), d.label());
        }
    }

    /** The lowest answer to every item, none to an optional item or one whose asking condition is not met. */
    private static List<Integer> skippingWhatMayBeSkipped(InstrumentDefinition d) {
        List<Integer> answers = new ArrayList<>();
        for (InstrumentDefinition.Item item : d.items()) {
            boolean notAsked = item.askedWhen() != null
                    && d.item(item.askedWhen().item()).orElseThrow().minValue() < item.askedWhen().atLeast();
            answers.add(item.optional() || notAsked ? null : item.minValue());
        }
        return answers;
    }

    /** A client asking for plain JSON gets FHIR JSON, as from a HAPI server; one asking for XML a 406 problem. */
    @Test
    void aClientAskingForJsonGetsFhirJson() {
        String id = TestClients.register("ingrid", "Plain Json", Map.of());
        for (String path : List.of("/fhir/Patient/" + id, "/fhir/QuestionnaireResponse?subject=Patient/" + id)) {
            String json = given().auth().oauth2(Tokens.of("clara")).accept("application/json").get(path)
                    .then().statusCode(200).contentType("application/fhir+json").extract().asString();
            assertEquals(List.of(), FhirValidation.errors(json), path);
            assertEquals(given().auth().oauth2(Tokens.of("clara")).accept("application/fhir+json").get(path)
                    .then().statusCode(200).contentType("application/fhir+json").extract().asString(), json, path);
            given().auth().oauth2(Tokens.of("clara")).accept("application/fhir+xml").get(path)
                    .then().statusCode(406).contentType("application/problem+json");
        }
    }

    @Test
    void theValidatorRefusesAnInvalidPatient() {
        // Proves the check above can fail: an unknown gender code and a malformed date.
        var errors = FhirValidation.errors("{\"resourceType\":\"Patient\",\"gender\":\"banana\",\"birthDate\":\"12/04/1990\"}");
        assertTrue(errors.size() >= 2, errors.toString());
    }

    @Test
    void theFhirViewIsScopedLikeTheRest() {
        String id = TestClients.register("ingrid", "Scoped Patient", Map.of());
        given().get("/fhir/Patient/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.of("colin")).get("/fhir/Patient/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("sam")).get("/fhir/Patient/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.ofClient("intake-gateway", "intake-gateway-secret"))
                .get("/fhir/Patient/" + id).then().statusCode(200);
    }
}
