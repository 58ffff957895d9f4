package care.securebase.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public pages' limit per remote address, with a small one: the staff's pages and static files are not counted. */
@QuarkusTest
@TestProfile(PublicPagesLimitTest.SmallLimit.class)
@WithTestResource(FakeServices.class)
class PublicPagesLimitTest {

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("securebase.portal.public-pages.requests-per-minute", "4");
        }
    }

    @Test
    void anAddressGetsItsRequestsPerMinuteThen429() throws InterruptedException {
        // The limit counts in whole minutes: start early in one so all requests fall in it.
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 45_000) {
            Thread.sleep(60_000 - intoMinute + 200);
        }
        FakeServices.reset();
        FakeServices.answer("GET /sessions/links/check-ins/" + PublicPagesTest.TOKEN, 200, PublicPagesTest.CHECK_IN);
        for (int i = 0; i < 2; i++) {
            given().redirects().follow(false).get("/c/" + PublicPagesTest.TOKEN).then().statusCode(200);
            given().redirects().follow(false).get("/a/nope").then().statusCode(404);
            given().get("/css/portal.css").then().statusCode(200);
        }
        int asked = FakeServices.requests().size();
        given().redirects().follow(false).get("/c/" + PublicPagesTest.TOKEN).then().statusCode(429)
                .header("Retry-After", notNullValue()).body(containsString("Please wait a minute"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("go", "send")
                .post("/c/" + PublicPagesTest.TOKEN).then().statusCode(429);
        org.junit.jupiter.api.Assertions.assertEquals(asked, FakeServices.requests().size(),
                "refused before sessions-service is asked");
        given().redirects().follow(false).get("/caseload").then().statusCode(302);
    }
}
