package care.securebase.intake.fhir;

import static io.restassured.RestAssured.given;

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.util.Map;

final class TestClinicians {

    private TestClinicians() {
    }

    /** Clara with room on her caseload, so intakes assign rather than waitlist. */
    static void clara() {
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Clara Moreau", "clinicId", "northside", "caseloadLimit", 150,
                        "onCall", false, "active", true))
                .put("/clinicians/clara").then().statusCode(200);
    }
}
