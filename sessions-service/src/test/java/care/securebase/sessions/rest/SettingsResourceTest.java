package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SettingsResourceTest {

    @Test
    void settingsDefaultAndOnlyTheClinicAdminChangesThem() {
        given().auth().oauth2(Tokens.of("colin")).get("/settings").then().statusCode(200)
                .body("clinicId", equalTo("harbour"));
        put("colin", Map.of("noteFormat", "SOAP", "overdueNoteDays", 5)).statusCode(403);
        put("hana", Map.of("noteFormat", "SOAP", "overdueNoteDays", 5)).statusCode(200)
                .body("noteFormat", equalTo("SOAP")).body("overdueNoteDays", equalTo(5))
                .body("updatedBy", equalTo("hana"));
        given().auth().oauth2(Tokens.of("colin")).get("/settings").then().statusCode(200)
                .body("noteFormat", equalTo("SOAP")).body("overdueNoteDays", equalTo(5));
        // Northside's are its own.
        given().auth().oauth2(Tokens.of("ada")).get("/settings").then().statusCode(200)
                .body("clinicId", equalTo("northside"));

        put("hana", Map.of("noteFormat", "SOAP", "overdueNoteDays", 0)).statusCode(400)
                .body("errors[0].field", equalTo("overdueNoteDays"));
        put("hana", Map.of("noteFormat", "NARRATIVE", "overdueNoteDays", 3)).statusCode(400)
                .body("errors[0].field", equalTo("noteFormat"));
        given().auth().oauth2(Tokens.of("colin")).get("/settings").then().body("overdueNoteDays", equalTo(5));
        put("hana", Map.of("noteFormat", "DAP", "overdueNoteDays", 3)).statusCode(200);

        given().get("/settings").then().statusCode(401);
        given().auth().oauth2(Tokens.of("ingrid")).get("/settings").then().statusCode(403);
        given().auth().oauth2(Tokens.of("sam")).get("/practitioners").then().statusCode(403);
    }

    @Test
    void traineesNeedASupervisorOfTheirClinic() {
        Practitioners.demoStanding();
        given().auth().oauth2(Tokens.of("clara")).get("/practitioners").then().statusCode(200)
                .body("find { it.id == 'tara' }.trainee", equalTo(true))
                .body("find { it.id == 'tara' }.supervisorId", equalTo("clara"))
                .body("find { it.id == 'clara' }.supervisor", equalTo(true));
        given().auth().oauth2(Tokens.of("colin")).get("/practitioners").then().statusCode(200)
                .body("id", not(hasItem("tara")));

        long before = count();
        practitioner("hana", "colin", "harbour", true, false, null).statusCode(400)
                .body("errors[0].field", equalTo("supervisorId"));
        practitioner("hana", "colin", "harbour", true, false, "clara").statusCode(400)
                .body("errors[0].field", equalTo("supervisorId"));
        practitioner("hana", "colin", "northside", false, true, null).statusCode(400)
                .body("errors[0].field", equalTo("clinicId"));
        practitioner("hana", "colin", "harbour", true, true, "x").statusCode(400)
                .body("errors[0].field", equalTo("supervisor"));
        practitioner("hana", "colin", "harbour", null, true, null).statusCode(400)
                .body("errors[0].field", equalTo("trainee"));
        assertEquals(before, count());
        // Another clinic's practitioner is not the admin's to see.
        practitioner("hana", "tara", "harbour", false, false, null).statusCode(404);
        practitioner("clara", "tara", "northside", false, false, null).statusCode(403);
        // Clara supervises tara: she stays a supervisor until tara has another.
        practitioner("ada", "clara", "northside", false, false, null).statusCode(400)
                .body("errors[0].field", equalTo("supervisor"));
        given().put("/practitioners/tara").then().statusCode(401);
    }

    private static long count() {
        return Rows.count("practitioner");
    }

    private static io.restassured.response.ValidatableResponse put(String user, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body).put("/settings").then();
    }

    static io.restassured.response.ValidatableResponse practitioner(String admin, String id, String clinic,
                                                                    Boolean trainee, boolean supervisor,
                                                                    String supervisorId) {
        Map<String, Object> body = new HashMap<>();
        body.put("clinicId", clinic);
        body.put("trainee", trainee);
        body.put("supervisor", supervisor);
        body.put("supervisorId", supervisorId);
        return given().auth().oauth2(Tokens.of(admin)).contentType(ContentType.JSON).body(body)
                .put("/practitioners/" + id).then();
    }
}
