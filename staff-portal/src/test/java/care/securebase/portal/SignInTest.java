package care.securebase.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without a session every page sends the browser to Keycloak; the style sheet and health checks are public. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class SignInTest {

    static final String AUTHORIZE = KeycloakTokens.keycloakUrl()
            + "/realms/securebase/protocol/openid-connect/auth";

    @Test
    void homeWithoutSessionRedirectsToKeycloakWithPkce() {
        given().redirects().follow(false)
                .when().get("/")
                .then().statusCode(302)
                .header("Location", startsWith(AUTHORIZE + "?"))
                .header("Location", containsString("client_id=staff-portal"))
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void everyPageNeedsSignIn() {
        for (String page : new String[] {"/clients", "/clients/new", "/episodes", "/referrals", "/programs",
                "/notices", "/reminders"}) {
            given().redirects().follow(false)
                    .when().get(page)
                    .then().statusCode(302)
                    .header("Location", startsWith(AUTHORIZE));
        }
    }

    @Test
    void formPostWithoutSessionAlsoGoesToSignIn() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("legalName", "X")
                .when().post("/clients")
                .then().statusCode(302)
                .header("Location", startsWith(AUTHORIZE));
    }

    @Test
    void styleSheetAndIconArePublic() {
        given().when().get("/css/portal.css")
                .then().statusCode(200)
                .contentType(containsString("text/css"))
                .body(containsString("--brand"));
        given().when().get("/favicon.svg").then().statusCode(200);
    }

    @Test
    void healthIsPublic() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
