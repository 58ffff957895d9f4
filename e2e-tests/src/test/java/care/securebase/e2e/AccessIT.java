package care.securebase.e2e;

import static io.restassured.RestAssured.given;

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Identity across the packaged services: no token, forged or expired tokens, wrong roles, other clinics. */
@ExtendWith(Stack.class)
class AccessIT {

    private static final Map<Stack.Service, String> READS = Map.of(
            Stack.INTAKE, "/clients",
            Stack.SESSIONS, "/episodes",
            Stack.REFERRALS, "/referrals",
            Stack.NOTIFICATIONS, "/reminders?clientId=" + UUID.randomUUID());

    @Test
    void everyServiceRefusesMissingForgedAndExpiredTokens() {
        String valid = Tokens.of("ada");
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "Zm9yZ2VkLXNpZ25hdHVyZQ";
        String expired = ExpiredToken.get();
        READS.forEach((service, path) -> {
            given().get(service.url() + path).then().statusCode(401);
            given().auth().oauth2(forged).get(service.url() + path).then().statusCode(401);
            given().auth().oauth2(expired).get(service.url() + path).then().statusCode(401);
            given().auth().oauth2(valid).get(service.url() + path).then().statusCode(200);
        });
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        for (Stack.Service service : Stack.ALL) {
            given().get(service.url() + "/q/health/ready").then().statusCode(200);
            given().get(service.url() + "/q/openapi").then().statusCode(200);
            given().get(service.url() + "/q/metrics").then().statusCode(200);
        }
    }

    @Test
    void rolesDecideWhatEachPersonMayDo() {
        // A social worker is no clinic staff; an intake coordinator does not run episodes.
        given().auth().oauth2(Tokens.of("sam")).get(Stack.INTAKE.url() + "/clients").then().statusCode(403);
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body("{}")
                .post(Stack.INTAKE.url() + "/clients").then().statusCode(403);
        given().auth().oauth2(Tokens.of("ingrid")).get(Stack.SESSIONS.url() + "/episodes").then().statusCode(403);
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON).body("{}")
                .post(Stack.REFERRALS.url() + "/referrals").then().statusCode(403);
        given().auth().oauth2(Tokens.of("sam")).get(Stack.NOTIFICATIONS.url() + "/reminders?clientId=" + UUID.randomUUID())
                .then().statusCode(403);
    }

    @Test
    void anotherClinicsClientIsNotThere() {
        String clientId = given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("legalName", "Other Clinic Check", "dateOfBirth", "1979-09-09",
                        "preferredChannel", "NONE", "language", "en", "timeZone", "Europe/Dublin"))
                .post(Stack.INTAKE.url() + "/clients").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("colin")).get(Stack.INTAKE.url() + "/clients/" + clientId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("clara")).get(Stack.INTAKE.url() + "/clients/" + clientId)
                .then().statusCode(200);
    }
}
