package care.securebase.e2e;

import static care.securebase.e2e.Browser.driver;
import static care.securebase.e2e.Browser.heading;
import static care.securebase.e2e.Browser.open;
import static care.securebase.e2e.Browser.press;
import static care.securebase.e2e.Browser.screenshot;
import static care.securebase.e2e.Browser.signIn;
import static care.securebase.e2e.Browser.text;
import static care.securebase.e2e.Browser.type;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The clinic-admin's desk in a browser: the clinic's settings on one page over two services, and
 * the note-access record showing a clinician's read of a safety plan.
 */
@ExtendWith({Stack.class, Browser.class})
class ClinicAdminInBrowserIT {

    private static final String RUN = Fixture.letters(6);

    /** Other tests of the run (notes, reminders) expect the clinic's standard settings: put them back. */
    @org.junit.jupiter.api.AfterEach
    void standardSettings() {
        StandardSettings.restore();
    }

    @Test
    void adaChangesQuietHoursAndTheNoteFormat() {
        signIn("ada");
        open("/admin");
        driver().findElement(By.linkText("Clinic settings")).click();
        Browser.waiting().until(d -> heading().equals("Clinic settings"));
        // Times typed the way a time field takes them.
        driver().executeScript("document.getElementById('quietStart').value = '22:00';"
                + "document.getElementById('quietEnd').value = '07:30'");
        press("Save reminder settings");
        assertTrue(text().contains("The reminder settings are saved."), text());
        assertEquals("22:00", driver().findElement(By.id("quietStart")).getAttribute("value"));
        given().auth().oauth2(Tokens.of("ada")).get(Stack.NOTIFICATIONS.url() + "/settings")
                .then().statusCode(200).body("quietStart", equalTo("22:00")).body("quietEnd", equalTo("07:30"))
                .body("leadTimes", equalTo(List.of("P7D", "P1D"))).body("updatedBy", equalTo("ada"));

        // A refusal is said next to its field, and the other service's form is untouched.
        type("overdueNoteDays", "90");
        press("Save note settings");
        assertTrue(driver().findElement(By.id("overdueNoteDays-error")).getText().contains("between 1 and 60"),
                text());
        type("overdueNoteDays", "5");
        new org.openqa.selenium.support.ui.Select(driver().findElement(By.id("noteFormat"))).selectByValue("SOAP");
        press("Save note settings");
        assertTrue(text().contains("The note settings are saved."), text());
        given().auth().oauth2(Tokens.of("ada")).get(Stack.SESSIONS.url() + "/settings")
                .then().statusCode(200).body("noteFormat", equalTo("SOAP")).body("overdueNoteDays", equalTo(5));
        screenshot("admin-settings");
        assertTrue(Browser.fitsWidth(768), "the settings read on a tablet without scrolling sideways");

        open("/deliveries");
        assertEquals("Failed notifications", heading());
    }

    @Test
    void adaSeesWhoReadASafetyPlan() {
        // A client in clara's care with a safety plan, which clara then reads.
        String clientId = given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("legalName", "Rowan Access " + RUN, "dateOfBirth", "1979-05-06",
                        "preferredChannel", "NONE", "language", "en", "timeZone", "Europe/London"))
                .post(Stack.INTAKE.url() + "/clients")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Clara Moreau", "caseloadLimit", 25, "onCall", true, "active", true))
                .put(Stack.INTAKE.url() + "/clinicians/clara")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("modality", "INDIVIDUAL", "presentingConcerns", "worry", "clinicianId", "clara",
                        "phq9", List.of(1, 1, 1, 1, 0, 0, 0, 0, 0)))
                .post(Stack.INTAKE.url() + "/clients/" + clientId + "/intakes")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId)
                        .get(Stack.SESSIONS.url() + "/episodes")
                        .then().statusCode(200).body("size()", equalTo(1)));
        String planId = given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON)
                .body(Map.of("warningSigns", List.of("not sleeping"), "copingStrategies", List.of("a walk"),
                        "peopleAndPlaces", List.of(), "helpers", List.of(),
                        "professionals", List.of(Map.of("name", "Crisis line", "contact", "116 123")),
                        "saferEnvironment", List.of()))
                .put(Stack.SESSIONS.url() + "/clients/" + clientId + "/safety-plan")
                .then().statusCode(200).extract().path("id");
        given().auth().oauth2(Tokens.of("clara")).get(Stack.SESSIONS.url() + "/clients/" + clientId + "/safety-plan")
                .then().statusCode(200);

        signIn("ada");
        open("/note-access");
        assertEquals("Note-access record", heading());
        type("clientId", clientId);
        type("staffId", "clara");
        press("Show");
        String record = text();
        assertTrue(record.contains("Safety plan") && record.contains("clara"), record);
        // From a row to every read of that record.
        driver().findElement(By.cssSelector("a[href='/note-access?noteId=" + planId + "']")).click();
        Browser.waiting().until(d -> d.getCurrentUrl().contains("noteId=" + planId));
        assertEquals(planId, driver().findElement(By.id("noteId")).getAttribute("value"));
        assertTrue(text().contains("Safety plan"), text());
        screenshot("admin-note-access");
    }
}
