package care.securebase.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;

/** Registers clients through the API for tests that need one to exist. */
public final class TestClients {

    private TestClients() {
    }

    /** A random word of lower-case letters, to make a name unique: names hold no digits. */
    public static String letters(int length) {
        StringBuilder word = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** An adult at the coordinator's clinic; extra fields replace the defaults. */
    public static String register(String coordinator, String legalName, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "legalName", legalName,
                "preferredName", legalName.split(" ")[0],
                "dateOfBirth", "1990-04-12",
                "email", legalName.toLowerCase().replace(' ', '.') + "@example.org",
                "preferredChannel", "EMAIL",
                "language", "en",
                "timeZone", "Europe/London"));
        body.putAll(extra);
        return given().auth().oauth2(Tokens.of(coordinator)).contentType(ContentType.JSON).body(body)
                .when().post("/clients")
                .then().statusCode(201).header("Location", notNullValue())
                .extract().path("id");
    }

    /** Adds or updates a clinician record through the API, as a clinic-admin does. */
    public static void clinician(String admin, String id, String clinic, int limit) {
        given().auth().oauth2(Tokens.of(admin)).contentType(ContentType.JSON)
                .body(Map.of("displayName", id.substring(0, 1).toUpperCase() + id.substring(1), "clinicId", clinic,
                        "caseloadLimit", limit, "onCall", false, "active", true))
                .put("/clinicians/" + id)
                .then().statusCode(200).body("caseloadLimit", org.hamcrest.Matchers.equalTo(limit));
    }
}
