package care.securebase.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessTest {

    @Test
    void everyEndpointNeedsAValidToken() {
        given().queryParam("clientId", UUID.randomUUID()).get("/reminders").then().statusCode(401);
        given().get("/notices").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/notices").then().statusCode(401);
        String valid = Tokens.of("ada");
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLWZvcmdlZA";
        given().auth().oauth2(forged).get("/notices").then().statusCode(401);
    }

    @Test
    void onlyClinicStaffWithTheRightRoleSeeTheLogs() {
        UUID clientId = UUID.randomUUID();
        for (String user : new String[] {"sam", "ingrid", "carmen"}) {
            given().auth().oauth2(Tokens.of(user)).queryParam("clientId", clientId).get("/reminders")
                    .then().statusCode(403);
        }
        for (String user : new String[] {"sam", "clara", "ingrid"}) {
            given().auth().oauth2(Tokens.of(user)).get("/notices").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.ofClient("partner-riverside", "partner-riverside-secret")).get("/notices")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("ada")).get("/notices").then().statusCode(200);
    }

    @Test
    void anUnknownClientHasAnEmptyLogAndAMissingClientIdIsNamed() {
        given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", UUID.randomUUID()).get("/reminders")
                .then().statusCode(200).body("", empty());
        given().auth().oauth2(Tokens.of("clara")).get("/reminders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("clientId"));
        given().auth().oauth2(Tokens.of("ada")).queryParam("size", 500).get("/notices")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }
}
