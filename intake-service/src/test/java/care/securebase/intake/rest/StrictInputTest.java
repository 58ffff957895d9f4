package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.intake.Client;
import care.securebase.intake.Intake;
import care.securebase.intake.TestClients;
import care.securebase.kit.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 17: input the intake took (or answered with a 500 or a 404) that it must refuse, naming the field. */
@QuarkusTest
class StrictInputTest {

    private static final String UNIQUE = UUID.randomUUID().toString().substring(0, 8);

    /** A registration as JSON text, with the legal name given raw (escapes and all). */
    private static String registration(String legalNameJson, String email) {
        return """
                {"legalName":%s,"dateOfBirth":"1991-02-03","email":"%s","preferredChannel":"EMAIL",
                 "language":"en","timeZone":"Europe/London"}""".formatted(legalNameJson, email);
    }

    private static ValidatableResponse post(String path, String json) {
        return given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON).body(json)
                .post(path).then();
    }

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    private static long clientsWith(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Client.count("email", email));
    }

    @Test
    void pagingPastItsBoundsIsA400NamingTheParameter() {
        // Was a 500: page * size overflowed into a negative offset.
        refused(given().auth().oauth2(Tokens.of("ingrid")).get("/clients?page=2147483647&size=100").then(), "page");
        // Was a 404 "No such resource": JAX-RS could not convert the number.
        refused(given().auth().oauth2(Tokens.of("ingrid")).get("/clients?page=2147483648").then()
                .body("errors[0].message", containsString("whole number")), "page");
        refused(given().auth().oauth2(Tokens.of("ingrid")).get("/clients?size=101").then(), "size");
        refused(given().auth().oauth2(Tokens.of("ingrid")).get("/clients?size=0").then(), "size");
        // Defaults and the total are as they were.
        given().auth().oauth2(Tokens.of("ingrid")).get("/clients?page=100000").then().statusCode(200)
                .header("X-Total-Count", notNullValue()).body("size()", equalTo(0));
    }

    @Test
    void anUnknownValueInAFilterIsA400NamingIt() {
        // Was 200 [].
        refused(given().auth().oauth2(Tokens.of("ingrid")).get("/clients?riskLevel=SUPERHIGH").then()
                .body("errors[0].message", containsString("HIGH")), "riskLevel");
        refused(given().auth().oauth2(Tokens.of("ingrid")).get("/clients?status=SLEEPING").then(), "status");
        refused(given().auth().oauth2(Tokens.of("ingrid")).get("/clients?waitlisted=maybe").then(), "waitlisted");
        given().auth().oauth2(Tokens.of("ingrid")).get("/clients?riskLevel=high&status=registered").then().statusCode(200);
    }

    @Test
    void nulInTextIsA400NamingTheFieldNotA500() {
        String email = "nul." + UNIQUE + "@example.org";
        refused(post("/clients", registration("\"Jordan\\u0000Lee\"", email)), "legalName");
        refused(given().auth().oauth2(Tokens.of("ingrid")).queryParam("q", "Jo\u0000").get("/clients").then(), "q");
        assertEquals(0, clientsWith(email));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        String email = "twice." + UNIQUE + "@example.org";
        String json = registration("\"Jordan Lee\"", email).replace("{\"legalName\"", "{\"legalName\":\"Someone Else\",\"legalName\"");
        refused(post("/clients", json).body("errors[0].message", equalTo("is given more than once")), "legalName");
        assertEquals(0, clientsWith(email));
    }

    @Test
    void namesRefuseInvisibleAndControlCharactersAndNeedALetter() {
        Map<String, String> names = Map.of(
                "\"\\u200b\\u200b\\u200b\"", "only zero-width spaces",
                "\"Jordan \\u202eeeL\"", "a right-to-left override",
                "\"Jordan\\u0007\"", "BEL",
                "\"Jordan\\ud800\"", "a lone surrogate (was stored as ?)",
                "\"- . '\"", "no letter");
        names.forEach((name, why) -> {
            String email = "name." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            refused(post("/clients", registration(name, email)), "legalName");
            assertEquals(0, clientsWith(email), why);
        });
        String email = "guardian." + UNIQUE + "@example.org";
        String guardian = registration("\"Kit Young\"", email).replace("{\"legalName\"",
                "{\"guardian\":{\"name\":\"Mum\\u200b\",\"relationship\":\"mother\",\"phone\":\"+44 20 7946 0000\","
                        + "\"email\":\"mum@example.org\"},\"legalName\"");
        refused(post("/clients", guardian), "guardian.name");
    }

    @Test
    void aNameIsStoredComposedSoOneNameTypedTwoWaysIsOne() {
        String email = "nfc." + UNIQUE + "@example.org";
        // "José Núñez" typed with combining accents.
        String id = post("/clients", registration("\"Jose\\u0301 Nu\\u0301n\\u0303ez\"", email)).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.of("ingrid")).get("/clients/" + id).then()
                .body("legalName", equalTo("Jos\u00e9 N\u00fa\u00f1ez"));
        given().auth().oauth2(Tokens.of("ingrid")).queryParam("legalName", "Jos\u00e9 N\u00fa\u00f1ez")
                .queryParam("dateOfBirth", "1991-02-03").get("/clients/duplicates").then().statusCode(200)
                .body("duplicates.id", hasItems(id));
    }

    @Test
    void aFractionalAnswerIsRefusedNotTruncated() {
        String clientId = TestClients.register("ingrid", "Frances Fraction", Map.of("email", "fraction." + UNIQUE + "@example.org"));
        long before = QuarkusTransaction.requiringNew().call(() -> Intake.count());
        // Was scored as 2 and stored as valueInteger 2.
        refused(post("/clients/" + clientId + "/intakes", """
                {"modality":"INDIVIDUAL","presentingConcerns":"x","phq9":[2.5,0,0,0,0,0,0,0,0]}""")
                .body("errors[0].message", equalTo("must be a whole number")), "phq9[0]");
        refused(post("/clients/" + clientId + "/intakes", """
                {"modality":"INDIVIDUAL","presentingConcerns":"x",
                 "instruments":[{"code":"GAD-7","answers":[0,1.9,0,0,0,0,0]}]}"""), "instruments[0].answers[1]");
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Intake.count()));
    }

    @Test
    void theDocumentDescribesTheBoundsAndTheEnum() {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath json = new io.restassured.path.json.JsonPath(doc);
        List<Map<String, Object>> params = json.getList("paths.'/clients'.get.parameters");
        Map<String, Object> page = params.stream().filter(p -> p.get("name").equals("page")).findFirst().orElseThrow();
        Map<String, Object> size = params.stream().filter(p -> p.get("name").equals("size")).findFirst().orElseThrow();
        Map<String, Object> risk = params.stream().filter(p -> p.get("name").equals("riskLevel")).findFirst().orElseThrow();
        assertEquals(100000, ((Map<?, ?>) page.get("schema")).get("maximum"));
        assertEquals(100, ((Map<?, ?>) size.get("schema")).get("maximum"));
        assertEquals("20", String.valueOf(((Map<?, ?>) size.get("schema")).get("default")));
        Map<?, ?> riskSchema = (Map<?, ?>) risk.get("schema");
        if (riskSchema.containsKey("$ref")) {
            String name = String.valueOf(riskSchema.get("$ref")).replace("#/components/schemas/", "");
            riskSchema = json.getMap("components.schemas.'" + name + "'");
        }
        assertEquals(List.of("NONE", "LOW", "MODERATE", "HIGH"), riskSchema.get("enum"));
        // The name rules are in the document, where clients and the e2e corpus find them.
        assertEquals(care.securebase.kit.input.Text.NAME_PATTERN,
                json.getString("components.schemas.RegisterClient.properties.legalName.pattern"));
        assertEquals(care.securebase.kit.input.Text.NAME_PATTERN,
                json.getString("components.schemas.Guardian.properties.name.pattern"));
        assertEquals(care.securebase.kit.input.Text.LABEL_PATTERN,
                json.getString("components.schemas.RegisterClient.properties.pronouns.pattern"));
    }
}
