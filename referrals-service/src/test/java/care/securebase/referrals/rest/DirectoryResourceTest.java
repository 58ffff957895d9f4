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

    private static String addDetailed(Map<String, Object> details) {
        Fixtures.organisations();
        return given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON).body(details)
                .post("/programs").then().statusCode(201).extract().path("id");
    }

    @Test
    void programsCarryTheirDetailsAndAreSearchedByEveryCriterion() {
        String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> teens = new HashMap<>(Map.of("organisationId", Fixtures.OAK,
                "name", "Teen peer circle " + tag, "kind", "SUPPORT_GROUP",
                "description", "Weekly peer group for teenagers", "services", java.util.List.of("peer support", tag),
                "minAge", 13, "maxAge", 17, "attendees", java.util.List.of("CLIENT", "CAREGIVER"),
                "languages", java.util.List.of("en", "es-MX"), "area", "Eastbank " + tag));
        teens.putAll(Map.of("delivery", "BOTH", "contactName", "Jo Quill", "contactEmail", "jo@oak.example.org",
                "contactPhone", "+44 20 7946 0000", "acceptingReferrals", true, "places", 4, "waitlistWeeks", 0));
        String teen = addDetailed(teens);
        Map<String, Object> adults = new HashMap<>(teens);
        adults.putAll(Map.of("name", "Adult circle " + tag, "minAge", 18, "delivery", "IN_PERSON",
                "languages", java.util.List.of("en"), "acceptingReferrals", false, "places", 0, "waitlistWeeks", 6));
        adults.remove("maxAge");
        String adult = addDetailed(adults);

        given().auth().oauth2(Tokens.of("carmen")).get("/programs/" + teen).then().statusCode(200)
                .body("services", hasItem("peer support")).body("minAge", equalTo(13)).body("maxAge", equalTo(17))
                .body("attendees", hasItem("CAREGIVER")).body("delivery", equalTo("BOTH")).body("remote", equalTo(true))
                .body("contact.email", equalTo("jo@oak.example.org")).body("places", equalTo(4))
                .body("organisationName", equalTo("Oak Community Services"));

        // Free text finds both (in services), with the total in a header.
        given().auth().oauth2(Tokens.of("carmen")).queryParam("q", tag).get("/programs").then().statusCode(200)
                .header("X-Total-Count", "2").body("id", org.hamcrest.Matchers.contains(adult, teen));
        given().auth().oauth2(Tokens.of("carmen")).queryParam("q", tag).queryParam("size", 1).queryParam("page", 1)
                .get("/programs").then().header("X-Total-Count", "2").body("id", org.hamcrest.Matchers.contains(teen));
        String[][] onlyTeen = {{"age", "15"}, {"language", "es"}, {"accepting", "true"}, {"remote", "true"}};
        for (String[] c : onlyTeen) {
            given().auth().oauth2(Tokens.of("clara")).queryParam("area", "eastbank " + tag).queryParam(c[0], c[1])
                    .queryParam("kind", "support_group")
                    .get("/programs").then().statusCode(200).body("id", org.hamcrest.Matchers.contains(teen));
        }
        // In person: both (the teen group is offered both ways).
        given().auth().oauth2(Tokens.of("clara")).queryParam("q", tag).queryParam("remote", "false")
                .get("/programs").then().header("X-Total-Count", "2");
        String[][] onlyAdult = {{"age", "40"}, {"accepting", "false"}};
        for (String[] c : onlyAdult) {
            given().auth().oauth2(Tokens.of("clara")).queryParam("q", tag).queryParam(c[0], c[1])
                    .get("/programs").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(adult))
                    .body("id", not(hasItem(teen)));
        }
        given().auth().oauth2(Tokens.of("clara")).queryParam("q", tag).queryParam("language", "fr")
                .get("/programs").then().header("X-Total-Count", "0");
        for (String[] bad : new String[][] {{"age", "old"}, {"age", "200"}, {"accepting", "maybe"},
                {"remote", "yes"}, {"kind", "BAKERY"}}) {
            given().auth().oauth2(Tokens.of("clara")).queryParam(bad[0], bad[1]).get("/programs")
                    .then().statusCode(400).body("errors[0].field", equalTo(bad[0]));
        }
    }

    @Test
    void aPartnerMaintainsItsOwnProgramsOnly() {
        String riverside = Fixtures.addProgram(Fixtures.RIVERSIDE, true);
        String oak = Fixtures.addProgram(Fixtures.OAK, "HOUSING");
        Map<String, Object> changed = new HashMap<>(Fixtures.program(Fixtures.RIVERSIDE, "PARENTING_PROGRAM", true));
        changed.put("name", "Renamed by Riverside");
        changed.put("waitlistWeeks", 3);

        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body(changed)
                .put("/programs/" + riverside).then().statusCode(200)
                .body("name", equalTo("Renamed by Riverside")).body("waitlistWeeks", equalTo(3));
        given().auth().oauth2(Fixtures.partnerSystemToken()).contentType(ContentType.JSON)
                .body(Map.of("acceptingReferrals", false, "places", 0, "waitlistWeeks", 8))
                .put("/programs/" + riverside + "/availability").then().statusCode(200)
                .body("acceptingReferrals", equalTo(false)).body("waitlistWeeks", equalTo(8));
        // Another organisation's program does not exist for them.
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("acceptingReferrals", false)).put("/programs/" + oak + "/availability")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("sofia")).contentType(ContentType.JSON).body(changed)
                .put("/programs/" + riverside).then().statusCode(404);
        // Nor may a partner move a program to another organisation, nor add one; clinic staff do not edit.
        Map<String, Object> moved = new HashMap<>(changed);
        moved.put("organisationId", Fixtures.OAK);
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body(moved)
                .put("/programs/" + riverside).then().statusCode(400).body("errors[0].field", equalTo("organisationId"));
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body(changed)
                .post("/programs").then().statusCode(403);
        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON)
                .body(Map.of("acceptingReferrals", true)).put("/programs/" + riverside + "/availability")
                .then().statusCode(403);
        // The admin maintains any of them; bad input names the field and changes nothing.
        Map<String, Object> badAges = new HashMap<>(changed);
        badAges.put("minAge", 30);
        badAges.put("maxAge", 20);
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON).body(badAges)
                .put("/programs/" + riverside).then().statusCode(400).body("errors[0].field", equalTo("maxAge"));
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("acceptingReferrals", true, "places", -1))
                .put("/programs/" + riverside + "/availability").then().statusCode(400)
                .body("errors[0].field", equalTo("places"));
        given().auth().oauth2(Tokens.of("ada")).get("/programs/" + riverside).then()
                .body("name", equalTo("Renamed by Riverside")).body("acceptingReferrals", equalTo(false));
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("acceptingReferrals", true)).put("/programs/" + oak + "/availability")
                .then().statusCode(200).body("acceptingReferrals", equalTo(true));
    }
}
