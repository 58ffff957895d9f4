package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every refusal is problem+json, whichever layer makes it: the OIDC extension (a bad token), Vert.x
 * (a body, URI or headers over the limits, an unknown path) or the REST layer (method, media types).
 */
@QuarkusTest
class ErrorShapeTest {

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void aTokenTheServiceRefusesGetsAProblemThatSaysNoMoreThanInvalidToken() {
        String clara = Tokens.of("clara");
        Map<String, String> bad = Map.of(
                "an ID token (another audience)", Tokens.idTokenOf("clara"),
                "a tampered payload", Tokens.tampered(clara),
                "alg none", Tokens.unsigned(clara),
                "not a JWT", "not-a-token");
        bad.forEach((what, token) -> {
            for (String path : new String[] {"/clients", "/q/health"}) {
                problem(given().auth().oauth2(token).get(path).then(), 401)
                        .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""))
                        .body("detail", equalTo("invalid token"))
                        .body("instance", equalTo(path));
            }
        });
        problem(given().get("/clients").then(), 401).header("WWW-Authenticate", equalTo("Bearer"));
        // The genuine token still gets in.
        given().auth().oauth2(clara).get("/clients").then().statusCode(200);
    }

    @Test
    void whatTheHttpLayerRefusesIsAProblemToo() {
        RequestSpecification ingrid = given().auth().oauth2(Tokens.of("ingrid"));
        problem(ingrid.contentType("application/json").body("{\"legalName\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}")
                .post("/clients").then(), 413);
        problem(given().auth().oauth2(Tokens.of("ingrid")).queryParam("q", "a".repeat(5000)).get("/clients").then(), 414)
                .body("detail", not(containsString("aaaa")));
        problem(given().auth().oauth2(Tokens.of("ingrid")).header("X-Padding", "p".repeat(30_000)).get("/clients").then(), 431);
        problem(given().auth().oauth2(Tokens.of("ingrid")).get("/no-such-thing").then(), 404);
        problem(given().get("/no-such-thing").then(), 404);
    }

    /** A body sent in chunks announces no length: it is refused once it passes the limit, read when within. */
    @Test
    void aChunkedBodyIsReadWithinTheLimitAndRefusedPastIt() throws Exception {
        HttpResponse<String> tooLarge = chunked("{\"legalName\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}");
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals(Optional.of("application/problem+json"), tooLarge.headers().firstValue("Content-Type"));

        String client = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(ClientResourceTest.newClient("Chunky Sender"));
        HttpResponse<String> fine = chunked(client);
        assertEquals(201, fine.statusCode(), fine.body());
    }

    private static HttpResponse<String> chunked(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/clients"))
                .header("Authorization", "Bearer " + Tokens.of("ingrid")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whatTheRestLayerRefusesIsAProblem() {
        String ingrid = Tokens.of("ingrid");
        problem(given().auth().oauth2(ingrid).delete("/clients").then(), 405);
        problem(given().auth().oauth2(ingrid).accept("application/fhir+xml")
                .get("/fhir/Patient/" + java.util.UUID.randomUUID()).then(), 406);
        problem(given().auth().oauth2(ingrid).contentType("text/plain").body("legalName=x").post("/clients").then(), 415);
    }
}
