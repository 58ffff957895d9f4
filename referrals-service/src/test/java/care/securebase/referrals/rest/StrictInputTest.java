package care.securebase.referrals.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.Tokens;
import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.Program;
import care.securebase.referrals.Referral;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 17: input referrals took (or answered with a 500) that it must refuse, naming the field. */
@QuarkusTest
class StrictInputTest {

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    /** As a lambda: a method reference would reach PanacheEntityBase's count, which Panache does not enhance. */
    private static long count(java.util.concurrent.Callable<Long> counter) {
        return QuarkusTransaction.requiringNew().call(counter);
    }

    @Test
    void pagingPastItsBoundsIsA400NamingTheParameter() {
        // Was a 500: page * size overflowed into a negative offset.
        refused(given().auth().oauth2(Tokens.of("carmen")).get("/referrals?page=2147483647&size=100").then(), "page");
        refused(given().auth().oauth2(Fixtures.partnerSystemToken()).get("/referrals?page=2147483647&size=100").then(),
                "page");
        refused(given().auth().oauth2(Tokens.of("carmen")).get("/programs?page=2147483648").then(), "page");
        refused(given().auth().oauth2(Tokens.of("carmen")).get("/programs?size=101").then(), "size");
        given().auth().oauth2(Tokens.of("carmen")).get("/programs?page=100000").then().statusCode(200)
                .header(ProgramResource.TOTAL, org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void filtersThatDoNotParseAreA400NamingThem() {
        refused(given().auth().oauth2(Tokens.of("carmen")).get("/referrals?status=LOST").then()
                .body("errors[0].message", containsString("SENT")), "status");
        refused(given().auth().oauth2(Tokens.of("carmen")).get("/referrals?clientId=42").then(), "clientId");
        refused(given().auth().oauth2(Tokens.of("carmen")).get("/programs?kind=SPA").then(), "kind");
        refused(given().auth().oauth2(Tokens.of("carmen")).get("/programs?age=121").then(), "age");
        refused(given().auth().oauth2(Tokens.of("carmen")).get("/programs?age=2147483648").then(), "age");
        refused(given().auth().oauth2(Tokens.of("carmen")).get("/programs?accepting=sometimes").then(), "accepting");
        refused(given().auth().oauth2(Tokens.of("carmen")).get("/referrals/board?mine=1").then(), "mine");
        refused(given().auth().oauth2(Tokens.of("carmen")).queryParam("area", "River\u0000side").get("/programs").then(),
                "area");
        given().auth().oauth2(Tokens.of("carmen")).get("/programs?kind=housing&accepting=TRUE&age=30").then()
                .statusCode(200);
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals?status=sent").then().statusCode(200);
    }

    @Test
    void nulAndDisguisedNamesAreRefusedAndWriteNothing() {
        Fixtures.organisations();
        long programs = count(() -> Program.count());
        Map<String, Object> nul = new HashMap<>(Fixtures.program(Fixtures.RIVERSIDE, "HOUSING", true));
        nul.put("description", "Advice\u0000desk");
        refused(given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON).body(nul).post("/programs").then(),
                "description");
        Map<String, Object> rlo = new HashMap<>(Fixtures.program(Fixtures.RIVERSIDE, "HOUSING", true));
        rlo.put("name", "Housing \u202eksed ecivda");
        refused(given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON).body(rlo).post("/programs").then(),
                "name");
        Map<String, Object> contact = new HashMap<>(Fixtures.program(Fixtures.RIVERSIDE, "HOUSING", true));
        contact.put("contactName", "Dana 2");
        refused(given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON).body(contact).post("/programs")
                .then(), "contactName");
        assertEquals(programs, count(() -> Program.count()));

        long organisations = count(() -> PartnerOrganisation.count());
        refused(given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("name", "\u200b\u200b", "noticeEmail", "x@example.org"))
                .put("/organisations/test-org-" + UUID.randomUUID().toString().substring(0, 8)).then(), "name");
        assertEquals(organisations, count(() -> PartnerOrganisation.count()));

        long referrals = count(() -> Referral.count());
        Map<String, Object> referral = Fixtures.referral(Fixtures.addProgram(Fixtures.RIVERSIDE, true));
        referral.put("reason", "isolated\u0000");
        refused(given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON).body(referral)
                .post("/referrals").then(), "reason");
        refused(given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON)
                .body("{\"urgency\":\"SOON\",\"urgency\":\"URGENT\"}")
                .post("/referrals").then().body("errors[0].message", equalTo("is given more than once")), "urgency");
        assertEquals(referrals, count(() -> Referral.count()));
    }
}
