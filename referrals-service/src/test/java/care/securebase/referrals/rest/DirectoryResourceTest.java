package care.securebase.referrals.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.Tokens;
import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.Program;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DirectoryResourceTest {

    @Test
    void adminAddsAnOrganisationAndUpdatesIt() {
        String id = "test-org-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("name", "Eastbank Youth", "noticeEmail", "intake@eastbank.example.org"))
                .put("/organisations/" + id)
                .then().statusCode(201).header("Location", notNullValue()).body("id", equalTo(id));
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("name", "Eastbank Youth Trust", "noticeEmail", "referrals@eastbank.example.org"))
                .put("/organisations/" + id)
                .then().statusCode(200).body("name", equalTo("Eastbank Youth Trust"));

        // Every staff role reads the directory, social workers included.
        for (String who : new String[] {"sam", "clara", "carmen", "ingrid"}) {
            given().auth().oauth2(Tokens.of(who)).get("/organisations")
                    .then().statusCode(200).body("id", hasItem(id));
        }
        given().auth().oauth2(Tokens.of("sofia")).get("/organisations/" + id)
                .then().statusCode(200).body("noticeEmail", equalTo("referrals@eastbank.example.org"));
    }

    @Test
    void onlyAdminsChangeTheDirectoryAndInputIsChecked() {
        long orgs = QuarkusTransaction.requiringNew().call(() -> PartnerOrganisation.count());
        long programs = QuarkusTransaction.requiringNew().call(() -> Program.count());

        given().contentType(ContentType.JSON).body(Map.of("name", "X", "noticeEmail", "x@example.org"))
                .put("/organisations/x-org").then().statusCode(401);
        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "noticeEmail", "x@example.org"))
                .put("/organisations/x-org").then().statusCode(403);
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "noticeEmail", "not-an-email"))
                .put("/organisations/Not_A_Slug")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("id")).body("errors.field", hasItem("noticeEmail"));

        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON)
                .body(Fixtures.program(Fixtures.RIVERSIDE, "HOUSING", true))
                .post("/programs").then().statusCode(403);
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Fixtures.program("no-such-org-" + UUID.randomUUID(), "HOUSING", true))
                .post("/programs")
                .then().statusCode(400).body("errors[0].field", equalTo("organisationId"));
        var noKind = new HashMap<>(Fixtures.program(Fixtures.RIVERSIDE, "HOUSING", true));
        noKind.remove("kind");
        noKind.put("languages", java.util.List.of("English"));
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON).body(noKind)
                .post("/programs")
                .then().statusCode(400).body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("languages[0]"));

        assertEquals(orgs, (long) QuarkusTransaction.requiringNew().call(() -> PartnerOrganisation.count()));
        assertEquals(programs, (long) QuarkusTransaction.requiringNew().call(() -> Program.count()));
    }

    @Test
    void programsAreFoundByKind() {
        String id = Fixtures.addProgram(Fixtures.RIVERSIDE, true);
        given().auth().oauth2(Tokens.of("carmen")).queryParam("kind", "PARENTING_PROGRAM").queryParam("size", 100)
                .get("/programs")
                .then().statusCode(200)
                .body("kind", everyItem(equalTo("PARENTING_PROGRAM")));
        given().auth().oauth2(Tokens.of("sam")).get("/programs/" + id)
                .then().statusCode(200)
                .body("organisationId", equalTo(Fixtures.RIVERSIDE))
                .body("organisationName", equalTo("Riverside Family Centre"))
                .body("languages", hasItem("es"))
                .body("remote", equalTo(true))
                .body("acceptingReferrals", equalTo(true));
        given().auth().oauth2(Tokens.of("clara")).queryParam("kind", "HOUSING").queryParam("organisationId",
                        Fixtures.RIVERSIDE).get("/programs")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("clara")).queryParam("kind", "BAKERY").get("/programs")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(Tokens.of("clara")).get("/programs/" + UUID.randomUUID()).then().statusCode(404);
        // Intake coordinators do not refer.
        given().auth().oauth2(Tokens.of("ingrid")).get("/programs").then().statusCode(403);
        given().get("/programs").then().statusCode(401);
    }
}
