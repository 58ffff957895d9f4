package care.securebase.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Issue 17: input notifications answered with a 500 or a 404 that must be a 400 naming the field. */
@QuarkusTest
class StrictInputTest {

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @Test
    void pagingPastItsBoundsIsA400NamingTheParameter() {
        // Was a 500: page * size overflowed into a negative offset.
        refused(given().auth().oauth2(Tokens.of("clara")).get("/inbox?page=2147483647&size=100").then(), "page");
        refused(given().auth().oauth2(Tokens.of("ada")).get("/deliveries?page=2147483647&size=100").then(), "page");
        refused(given().auth().oauth2(Tokens.of("ada")).get("/notices?page=2147483648").then(), "page");
        refused(given().auth().oauth2(Tokens.of("clara")).get("/inbox?size=101").then(), "size");
        given().auth().oauth2(Tokens.of("clara")).get("/inbox?page=100000&size=100").then().statusCode(200)
                .body("page", equalTo(100000)).body("size", equalTo(100)).body("items", equalTo(java.util.List.of()));
    }

    @Test
    void filtersThatDoNotParseAreA400NamingThem() {
        refused(given().auth().oauth2(Tokens.of("ada")).get("/deliveries?from=2026-13-01T00:00:00Z").then(), "from");
        refused(given().auth().oauth2(Tokens.of("ada")).get("/deliveries?clientId=nope").then(), "clientId");
        refused(given().auth().oauth2(Tokens.of("clara")).get("/inbox?unread=perhaps").then(), "unread");
        given().auth().oauth2(Tokens.of("ada")).get("/deliveries?status=failed&kind=booster_reminder").then()
                .statusCode(200);
    }

    @Test
    void nulOrAKeyTwiceInSettingsIsRefused() {
        String ada = Tokens.of("ada");
        refused(given().auth().oauth2(ada).contentType(ContentType.JSON).body("""
                {"leadTimes":["P1D"],"quietStart":"22:00","quietEnd":"07:00","defaultLanguage":"en\\u0000"}""")
                .put("/settings").then(), "defaultLanguage");
        refused(given().auth().oauth2(ada).contentType(ContentType.JSON).body("""
                {"leadTimes":["P1D"],"leadTimes":["P2D"],"quietStart":"22:00","quietEnd":"07:00","defaultLanguage":"en"}""")
                .put("/settings").then().body("errors[0].message", equalTo("is given more than once")), "leadTimes");
        given().auth().oauth2(Tokens.of("clara")).get("/settings").then().statusCode(200)
                .body("leadTimes", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("P2D")));
    }
}
