package care.securebase.referrals.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every endpoint is in the OpenAPI document. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointIsDocumented() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        for (String path : new String[] {"/organisations", "/organisations/{id}", "/programs", "/programs/{id}",
                "/programs/{id}/availability", "/referrals", "/referrals/board", "/referrals/{id}",
                "/referrals/{id}/send", "/referrals/{id}/accept", "/referrals/{id}/decline",
                "/referrals/{id}/schedule", "/referrals/{id}/start", "/referrals/{id}/complete",
                "/referrals/{id}/cancel", "/fhir/ServiceRequest/{id}", "/fhir/Task/{id}", "/fhir/Task"}) {
            doc.body("paths", hasKey(path));
        }
        doc.body("components.schemas", hasKey("PartnerReferral"))
                .body("components.schemas", hasKey("ReferralBoard"))
                .body("components.schemas", hasKey("ProgramDetails"));
    }
}
