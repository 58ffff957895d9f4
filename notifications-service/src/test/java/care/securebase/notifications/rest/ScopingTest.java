package care.securebase.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.Tokens;
import care.securebase.notifications.settings.ClinicSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Roles and clinic scoping of settings, inbox and delivery log; bad input is a 400 naming the field. */
@QuarkusTest
class ScopingTest {

    static Map<String, Object> settings(List<String> leads, String start, String end, String lang) {
        return Map.of("leadTimes", leads, "quietStart", start, "quietEnd", end, "defaultLanguage", lang);
    }

    @Test
    void everyNewEndpointNeedsAToken() {
        given().get("/settings").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").put("/settings").then().statusCode(401);
        given().get("/inbox").then().statusCode(401);
        given().get("/inbox/count").then().statusCode(401);
        given().post("/inbox/" + UUID.randomUUID() + "/read").then().statusCode(401);
        given().post("/inbox/read-all").then().statusCode(401);
        given().get("/deliveries").then().statusCode(401);
    }

    @Test
    void settingsAreTheCallersClinicsAndOnlyClinicAdminsWriteThem() {
        given().auth().oauth2(Tokens.of("clara")).get("/settings").then().statusCode(200)
                .body("clinicId", equalTo("northside"));
        given().auth().oauth2(Tokens.of("colin")).get("/settings").then().statusCode(200)
                .body("clinicId", equalTo("harbour"));
        for (String user : new String[] {"clara", "ingrid", "carmen"}) {
            given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                    .body(settings(List.of("P3D"), "22:00", "07:00", "en")).put("/settings").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.of("sam")).get("/settings").then().statusCode(403);
        given().auth().oauth2(Tokens.ofClient("partner-riverside", "partner-riverside-secret")).get("/settings")
                .then().statusCode(403);

        String ada = Tokens.of("ada");
        try {
            given().auth().oauth2(ada).contentType(ContentType.JSON)
                    .body(settings(List.of("P1D", "PT12H", "P1D", "P3D"), "22:00", "07:30", "pl-PL"))
                    .put("/settings").then().statusCode(200)
                    .body("clinicId", equalTo("northside"))
                    .body("leadTimes", equalTo(List.of("P3D", "P1D", "PT12H")))
                    .body("quietStart", equalTo("22:00")).body("quietEnd", equalTo("07:30"))
                    .body("defaultLanguage", equalTo("pl-PL")).body("custom", equalTo(true))
                    .body("updatedBy", equalTo("ada"));
            given().auth().oauth2(Tokens.of("clara")).get("/settings").then().statusCode(200)
                    .body("leadTimes", equalTo(List.of("P3D", "P1D", "PT12H")));
            // Harbour's are untouched.
            given().auth().oauth2(Tokens.of("colin")).get("/settings").then().statusCode(200)
                    .body("quietStart", equalTo(harbourQuietStart()));
        } finally {
            given().auth().oauth2(ada).contentType(ContentType.JSON)
                    .body(settings(List.of("P7D", "P1D"), "00:00", "00:00", "en-GB")).put("/settings")
                    .then().statusCode(200);
        }
    }

    static String harbourQuietStart() {
        ClinicSettings row = QuarkusTransaction.requiringNew().call(() -> ClinicSettings.findById("harbour"));
        return row == null ? "00:00" : row.quietStart.toString().substring(0, 5);
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndNothingIsWritten() {
        String ada = Tokens.of("ada");
        ClinicSettings before = QuarkusTransaction.requiringNew().call(() -> ClinicSettings.findById("northside"));
        Object[][] cases = {
                {settings(List.of("seven days"), "21:00", "08:00", "en"), "leadTimes"},
                {settings(List.of("-P1D"), "21:00", "08:00", "en"), "leadTimes"},
                {settings(List.of("P90D"), "21:00", "08:00", "en"), "leadTimes"},
                {settings(List.of(), "21:00", "08:00", "en"), "leadTimes"},
                {settings(List.of("P1D"), "25:00", "08:00", "en"), "quietStart"},
                {settings(List.of("P1D"), "21:00", "8am", "en"), "quietEnd"},
                {settings(List.of("P1D"), "21:00", "08:00", "???"), "defaultLanguage"},
        };
        for (Object[] c : cases) {
            given().auth().oauth2(ada).contentType(ContentType.JSON).body(c[0]).put("/settings")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(((String) c[1])));
        }
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"leadTimes\": [\"P1D\"]}").put("/settings")
                .then().statusCode(400).body("errors.field", hasItem("quietStart"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{not json").put("/settings")
                .then().statusCode(400);
        ClinicSettings after = QuarkusTransaction.requiringNew().call(() -> ClinicSettings.findById("northside"));
        assertEquals(before == null ? null : before.updatedAt, after == null ? null : after.updatedAt);
    }

    @Test
    void theInboxIsOnlyEversTheCallersOwn() {
        String colin = Tokens.of("colin");
        given().auth().oauth2(colin).get("/inbox").then().statusCode(200)
                .header("X-Unread-Count", notNullValue()).body("page", equalTo(0));
        given().auth().oauth2(colin).get("/inbox/count").then().statusCode(200).body("unread", notNullValue());
        given().auth().oauth2(colin).post("/inbox/" + UUID.randomUUID() + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(colin).post("/inbox/not-a-uuid/read").then().statusCode(404);
        given().auth().oauth2(colin).post("/inbox/read-all").then().statusCode(200).body("unread", equalTo(0));
        given().auth().oauth2(colin).queryParam("unread", true).get("/inbox").then().statusCode(200)
                .header("X-Unread-Count", "0");
        given().auth().oauth2(colin).queryParam("size", 0).get("/inbox").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        // A partner's social worker has an inbox too (their organisation's notices); a machine with no role does not.
        given().auth().oauth2(Tokens.of("sam")).get("/inbox").then().statusCode(200);
        given().auth().oauth2(Tokens.ofClient("notifications-service", "notifications-service-secret")).get("/inbox")
                .then().statusCode(403);
    }

    @Test
    void theDeliveryLogIsForCliniciansOfTheClinicAndClinicAdmins() {
        for (String user : new String[] {"sam", "ingrid", "carmen"}) {
            given().auth().oauth2(Tokens.of(user)).get("/deliveries").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.ofClient("partner-riverside", "partner-riverside-secret")).get("/deliveries")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("clara")).get("/deliveries").then().statusCode(200)
                .body("items.findAll { it.clinicId != 'northside' }", equalTo(List.of()))
                .body("items.findAll { it.kind.startsWith('STAFF_') }", equalTo(List.of()));
        given().auth().oauth2(Tokens.of("ada")).queryParam("status", "FAILED").get("/deliveries").then().statusCode(200)
                .body("items.findAll { it.status != 'FAILED' }", equalTo(List.of()));
        given().auth().oauth2(Tokens.of("ada")).queryParam("status", "LOST").get("/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(Tokens.of("ada")).queryParam("kind", "POSTCARD").get("/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(Tokens.of("ada")).queryParam("from", "yesterday").get("/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.of("ada")).queryParam("from", "2020-01-01T00:00:00Z")
                .queryParam("to", "2020-01-02T00:00:00Z").get("/deliveries").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", "nope").get("/deliveries").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)));
    }
}
