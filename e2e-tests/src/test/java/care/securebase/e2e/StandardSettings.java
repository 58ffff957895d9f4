package care.securebase.e2e;

import static io.restassured.RestAssured.given;

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/**
 * Northside's standard settings in both services. Tests that change them (the clinic-admin's page, the
 * security checks' generated PUTs) put them back; tests that depend on them (note format, reminder
 * timing) set them first, so the order the classes run in does not matter.
 */
final class StandardSettings {

    private StandardSettings() {
    }

    static void restore() {
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("leadTimes", List.of("P7D", "P1D"), "quietStart", "21:00", "quietEnd", "08:00",
                        "defaultLanguage", "en-GB"))
                .put(Stack.NOTIFICATIONS.url() + "/settings").then().statusCode(200);
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                // Check-ins: the defaults, no schedule started by maintenance plans, and clara on call as the
                // fixture makes her in intake-service.
                .body(Map.of("noteFormat", "DAP", "overdueNoteDays", 3, "checkInExpiryHours", 72,
                        "missedCheckInsFlag", 3, "maintenanceCheckIns", "NONE", "onCallClinicianId", "clara"))
                .put(Stack.SESSIONS.url() + "/settings").then().statusCode(200);
    }
}
