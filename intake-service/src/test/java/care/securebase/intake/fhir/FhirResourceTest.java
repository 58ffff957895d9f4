package care.securebase.intake.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.intake.TestClients;
import java.util.Map;
import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FhirResourceTest {

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
