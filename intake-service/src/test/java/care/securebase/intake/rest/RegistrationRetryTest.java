package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import care.securebase.intake.Client;
import care.securebase.kit.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A caller that retries a registration with its Idempotency-Key never registers the client twice. */
@QuarkusTest
class RegistrationRetryTest {

    private static ValidatableResponse register(String who, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(Tokens.of(who)).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/clients").then();
    }

    private static long clientsNamed(String legalName) {
        return QuarkusTransaction.requiringNew().call(() -> Client.count("legalName", legalName));
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstClientAndWritesNothing() {
        String name = "Retry " + care.securebase.intake.TestClients.letters(12);
        Map<String, Object> body = ClientResourceTest.newClient(name);
        String key = UUID.randomUUID().toString();

        String first = register("ingrid", key, body).statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        String again = register("ingrid", key, body).statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", org.hamcrest.Matchers.endsWith("/clients/" + first))
                .extract().path("id");

        assertEquals(first, again);
        assertEquals(1, clientsNamed(name));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedNamingTheHeader() {
        String key = UUID.randomUUID().toString();
        String name = "Retry " + care.securebase.intake.TestClients.letters(12);
        register("ingrid", key, ClientResourceTest.newClient(name)).statusCode(201);

        Map<String, Object> other = new HashMap<>(ClientResourceTest.newClient(name + " Other"));
        register("ingrid", key, other).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, clientsNamed(name + " Other"));
    }

    @Test
    void keysAreEachCallersOwn() {
        String key = UUID.randomUUID().toString();
        String name = "Retry " + care.securebase.intake.TestClients.letters(12);
        String mine = register("ingrid", key, ClientResourceTest.newClient(name)).statusCode(201).extract().path("id");
        // Another coordinator's request with the same key value is a request of its own.
        Map<String, Object> body = new HashMap<>(ClientResourceTest.newClient(name + " B"));
        String theirs = register("ivan", key, body).statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        assertNotEquals(mine, theirs);
    }

    @Test
    void aMalformedKeyIsRefused() {
        register("ingrid", "has space", ClientResourceTest.newClient("Retry " + care.securebase.intake.TestClients.letters(12))).statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        register("ingrid", "x".repeat(201), ClientResourceTest.newClient("Retry " + care.securebase.intake.TestClients.letters(12))).statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void retriesRacingTheFirstRequestStillRegisterOnce() throws Exception {
        String name = "Retry " + care.securebase.intake.TestClients.letters(12);
        Map<String, Object> body = ClientResourceTest.newClient(name);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> register("ingrid", key, body).statusCode(201).extract().<String>path("id")));
            }
            String first = answers.get(0).get(30, TimeUnit.SECONDS);
            for (Future<String> answer : answers) {
                assertEquals(first, answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, clientsNamed(name));
    }
}
