package care.securebase.e2e;

import static io.restassured.RestAssured.given;

import care.securebase.kit.testing.Tokens;
import java.util.Base64;

/**
 * A genuine Keycloak token that has expired: issued by the test-only client whose tokens live two
 * seconds, then held until it is past its expiry.
 */
final class ExpiredToken {

    private static String token;

    private ExpiredToken() {
    }

    static synchronized String get() {
        if (token == null) {
            String fresh = given()
                    .formParam("grant_type", "password")
                    .formParam("client_id", "securebase-tests-expiring")
                    .formParam("username", "ada")
                    .formParam("password", Tokens.PASSWORD)
                    .post(Tokens.tokenEndpoint())
                    .then().statusCode(200).extract().path("access_token");
            long exp = Long.parseLong(claim(fresh, "exp"));
            long waitMillis = exp * 1000 - System.currentTimeMillis() + 2000;
            try {
                Thread.sleep(Math.max(0, waitMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            token = fresh;
        }
        return token;
    }

    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return payload.replaceAll(".*\"" + name + "\":(\\d+).*", "$1");
    }
}
