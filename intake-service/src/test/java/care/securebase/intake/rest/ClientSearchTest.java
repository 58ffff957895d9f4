package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import care.securebase.intake.Client;
import care.securebase.kit.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientSearchTest {

    /** A word in every name of this class's clients, so other tests' clients never interfere. */
    private final String tag = "Zq" + care.securebase.intake.TestClients.letters(6);
    private String a;
    private String b;
    private String c;
    private String d;
    private String harbour;

    // Once per class, but in @BeforeEach: RestAssured knows the test port only from then on.
    @BeforeEach
    void clients() {
        if (a != null) {
            return;
        }
        a = register("ingrid", "Ana " + tag, null);
        b = register("ingrid", "Ben " + tag, "ben." + tag.toLowerCase() + "@example.org");
        c = register("ingrid", "Cleo " + tag, null);
        d = register("ingrid", "Dev " + tag, null);
        harbour = register("ivan", "Hal " + tag, null);
        // What intake completion and triage (another part of the service) set.
        QuarkusTransaction.requiringNew().run(() -> {
            Client.<Client>findById(UUID.fromString(a)).status = Client.Status.ASSIGNED;
            Client.<Client>findById(UUID.fromString(a)).clinicianId = "clara";
            Client.<Client>findById(UUID.fromString(b)).status = Client.Status.WAITLISTED;
            Client.<Client>findById(UUID.fromString(b)).riskLevel = "HIGH";
            Client.<Client>findById(UUID.fromString(c)).riskLevel = "LOW";
        });
    }

    private static String register(String who, String name, String email) {
        Map<String, Object> body = new HashMap<>(ClientResourceTest.newClient(name));
        if (email != null) {
            body.put("email", email);
        }
        return ClientResourceTest.register(who, body);
    }

    private RequestSpecification as(String who) {
        return given().auth().oauth2(Tokens.of(who)).queryParam("q", tag.toUpperCase());
    }

    @Test
    void qMatchesNamesAndEmailsIgnoringCase() {
        as("clara").get("/clients").then().statusCode(200)
                .header("X-Total-Count", "4")
                .body("id", containsInAnyOrder(a, b, c, d));
        given().auth().oauth2(Tokens.of("clara")).queryParam("q", "BEN." + tag.toUpperCase() + "@")
                .get("/clients").then().statusCode(200).header("X-Total-Count", "1").body("id", contains(b));
        // Wildcards are taken literally.
        given().auth().oauth2(Tokens.of("clara")).queryParam("q", "%" + tag.substring(1)).get("/clients")
                .then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void pagesNewestFirstWithTheTotal() {
        as("ingrid").queryParam("size", 3).get("/clients").then().statusCode(200)
                .header("X-Total-Count", "4").body("id", contains(d, c, b));
        as("ingrid").queryParam("size", 3).queryParam("page", 1).get("/clients").then().statusCode(200)
                .header("X-Total-Count", "4").body("id", contains(a));
        as("ingrid").queryParam("size", 3).queryParam("page", 2).get("/clients").then().statusCode(200)
                .header("X-Total-Count", "4").body("$", hasSize(0));
        as("ingrid").queryParam("size", 101).get("/clients").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void filters() {
        as("ingrid").queryParam("status", "ASSIGNED").get("/clients").then()
                .header("X-Total-Count", "1").body("id", contains(a));
        as("ingrid").queryParam("status", "registered").get("/clients").then()
                .header("X-Total-Count", "2").body("id", containsInAnyOrder(c, d));
        as("ingrid").queryParam("status", "WAITLISTED").get("/clients").then()
                .header("X-Total-Count", "1").body("id", contains(b));
        as("ingrid").queryParam("clinicianId", "clara").get("/clients").then().body("id", contains(a));
        as("ingrid").queryParam("waitlisted", "true").get("/clients").then()
                .header("X-Total-Count", "1").body("id", contains(b)).body("[0].waitlisted", equalTo(true));
        as("ingrid").queryParam("waitlisted", "false").get("/clients").then().header("X-Total-Count", "3");
        as("ingrid").queryParam("riskLevel", "high").get("/clients").then().body("id", contains(b))
                .body("[0].riskLevel", equalTo("HIGH"));
        as("ingrid").queryParam("riskLevel", "LOW").queryParam("waitlisted", "false").get("/clients").then()
                .body("id", contains(c));
    }

    @Test
    void badFiltersNameTheParameter() {
        as("ingrid").queryParam("status", "GONE").get("/clients").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        as("ingrid").queryParam("waitlisted", "maybe").get("/clients").then().statusCode(400)
                .body("errors[0].field", equalTo("waitlisted"));
        as("ingrid").queryParam("riskLevel", "high; drop").get("/clients").then().statusCode(400)
                .body("errors[0].field", equalTo("riskLevel"));
    }

    @Test
    void anotherClinicsClientsAreNotInTheResults() {
        as("ingrid").get("/clients").then().body("id", not(hasItem(harbour)));
        as("colin").get("/clients").then().header("X-Total-Count", "1").body("id", contains(harbour));
        // A clinician's clinicId does not widen the search.
        as("colin").queryParam("clinicId", "northside").get("/clients").then().body("id", contains(harbour));
        // Clinic-admins see the network, or one clinic of it.
        as("hana").get("/clients").then().header("X-Total-Count", "5");
        as("hana").queryParam("clinicId", "northside").get("/clients").then()
                .header("X-Total-Count", "4").body("id", not(hasItem(harbour)));
    }
}
