package care.securebase.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A client of northside with an e-mail consent, clara as clinician and an episode in active treatment,
 * made through the services' APIs for the between-sessions tests.
 */
final class ClientEpisodes {

    /** @param name the client's preferred name, which no client message may carry */
    record Opened(String client, String episode, String email, String name, String legalName) {
    }

    private ClientEpisodes() {
    }

    /**
     * The client's time zone is one where it is midday now, so quiet hours (21:00-08:00 by the standard
     * settings) never hold a message back whenever the suite runs.
     */
    static Opened open(String label) {
        String run = Fixture.letters(8);
        String name = label + run;
        String legalName = name + " Between";
        String email = label.toLowerCase(java.util.Locale.ROOT) + "-" + run + "@example.org";
        String client = as("ingrid").body(Map.of("legalName", legalName, "preferredName", name,
                        "dateOfBirth", "1990-04-04", "email", email, "preferredChannel", "EMAIL",
                        "language", "en", "timeZone", ClinicPathIT.afternoonZone(),
                        "consents", List.of(Map.of("scope", "CONTACT_EMAIL", "granted", true, "formVersion", "e2e"))))
                .post(Stack.INTAKE.url() + "/clients").then().statusCode(201).extract().path("id");
        as("ingrid").body(Map.of("modality", "INDIVIDUAL", "presentingConcerns", "feeling distant", "clinicianId", "clara",
                        "phq9", List.of(1, 1, 0, 1, 0, 0, 1, 0, 0)))
                .post(Stack.INTAKE.url() + "/clients/" + client + "/intakes").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                as("clara").queryParam("clientId", client).get(Stack.SESSIONS.url() + "/episodes")
                        .then().statusCode(200).body("size()", equalTo(1)));
        String episode = as("clara").queryParam("clientId", client).get(Stack.SESSIONS.url() + "/episodes")
                .then().extract().path("[0].id");
        as("clara").body(Map.of("phase", "ACTIVE_TREATMENT"))
                .post(Stack.SESSIONS.url() + "/episodes/" + episode + "/phase").then().statusCode(200);
        return new Opened(client, episode, email, name, legalName);
    }

    static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .filter(new io.restassured.filter.log.ResponseLoggingFilter(io.restassured.filter.log.LogDetail.ALL,
                        true, System.out, org.hamcrest.Matchers.greaterThanOrEqualTo(400)));
    }
}
