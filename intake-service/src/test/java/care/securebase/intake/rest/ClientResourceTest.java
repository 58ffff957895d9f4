package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.intake.Client;
import care.securebase.kit.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientResourceTest {

    /** An adult with a unique e-mail and a random birth date, so registrations never look like duplicates. */
    static Map<String, Object> newClient(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return Map.of(
                "legalName", name,
                "preferredName", "Jo",
                "dateOfBirth", LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20000)).toString(),
                "email", "jo." + unique + "@example.org",
                "preferredChannel", "EMAIL",
                "language", "en",
                "timeZone", "Europe/London");
    }

    static String register(String coordinator, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(coordinator)).contentType(ContentType.JSON).body(body)
                .when().post("/clients")
                .then().statusCode(201).header("Location", notNullValue())
                .extract().path("id");
    }

    @Test
    void coordinatorRegistersAndColleaguesOfTheSameClinicSeeTheClient() {
        String id = register("ingrid", newClient("Jordan Avery Lee"));

        given().auth().oauth2(Tokens.of("clara")).get("/clients/" + id)
                .then().statusCode(200)
                .body("clinicId", equalTo("northside"))
                .body("status", equalTo("REGISTERED"))
                .body("registeredAt", notNullValue());
        given().auth().oauth2(Tokens.of("ingrid")).get("/clients")
                .then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void anotherClinicsClientIsInvisible() {
        String id = register("ingrid", newClient("Robin Hart"));
        given().auth().oauth2(Tokens.of("colin")).get("/clients/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("ivan")).get("/clients")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(id)));
        // A clinic-admin sees the network.
        given().auth().oauth2(Tokens.of("hana")).get("/clients/" + id).then().statusCode(200);
    }

    @Test
    void tokensAndRolesAreChecked() {
        given().get("/clients").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/clients").then().statusCode(401);
        String valid = Tokens.of("clara");
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLWZvcmdlZA";
        given().auth().oauth2(forged).get("/clients").then().statusCode(401);
        // Clinicians read clients but do not register them; social workers see nothing here.
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(newClient("X Y"))
                .post("/clients").then().statusCode(403);
        given().auth().oauth2(Tokens.of("sam")).get("/clients").then().statusCode(403);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        long before = count();
        var body = new java.util.HashMap<>(newClient("Sam Example"));
        body.remove("legalName");
        body.put("timeZone", "Mars/Olympus");
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON).body(body)
                .post("/clients")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("legalName"))
                .body("errors.field", hasItem("timeZone"));

        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("legalName", "A B", "dateOfBirth", "not-a-date", "preferredChannel", "EMAIL",
                        "language", "en", "timeZone", "Europe/London"))
                .post("/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("dateOfBirth"));

        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON).body("{\"legalName\": ")
                .post("/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));

        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("legalName", "x".repeat(201), "dateOfBirth", "1990-01-01", "preferredChannel", "PIGEON",
                        "language", "en", "timeZone", "Europe/London"))
                .post("/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("preferredChannel"));

        assertEquals(before, count());
    }

    static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Client.count());
    }
}
