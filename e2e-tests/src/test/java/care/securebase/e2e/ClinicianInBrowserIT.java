package care.securebase.e2e;

import static care.securebase.e2e.Browser.choose;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The clinician's work in the browser: from the caseload to a session, its note written, signed
 * (then read-only) and corrected with an addendum; and an instrument given again, with the chart of
 * the scores and the reliable-change result. The client and the intake come in through the APIs:
 * these tests are about the clinician's pages.
 */
@ExtendWith({Stack.class, Browser.class})
class ClinicianInBrowserIT {

    /** The note editor's fields follow the clinic's format: DAP, whatever ran before. */
    @org.junit.jupiter.api.BeforeEach
    void standardSettings() {
        StandardSettings.restore();
    }

    private static final String RUN = Fixture.letters(6);

    /** Registers a client, completes an intake assigning clara, and returns the episode sessions opens. */
    static String episodeFor(String name, List<Integer> phq9) {
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Clara Moreau", "caseloadLimit", 40, "onCall", true, "active", true))
                .put(Stack.INTAKE.url() + "/clinicians/clara")
                .then().statusCode(200);
        String clientId = given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("legalName", name + " " + RUN, "preferredName", name, "dateOfBirth", "1987-05-06",
                        "preferredChannel", "NONE", "language", "en", "timeZone", "Europe/London"))
                .post(Stack.INTAKE.url() + "/clients")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("modality", "INDIVIDUAL", "presentingConcerns", "fear of being left",
                        "clinicianId", "clara", "phq9", phq9))
                .post(Stack.INTAKE.url() + "/clients/" + clientId + "/intakes")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId)
                        .get(Stack.SESSIONS.url() + "/episodes")
                        .then().statusCode(200).body("size()", equalTo(1)));
        return given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId)
                .get(Stack.SESSIONS.url() + "/episodes").then().extract().path("[0].id");
    }

    /** Clicks the button whose text starts with this (buttons in tables carry hidden context after it). */
    static void pressStartingWith(String text) {
        WebElement button = driver().findElement(By.xpath("//button[starts-with(normalize-space(), '" + text + "')]"));
        button.click();
        Browser.untilReplaced(button);
    }

    @Test
    void aClinicianWritesAndSignsANoteThenAddsAnAddendum() {
        String episodeId = episodeFor("Noa", List.of(2, 2, 1, 2, 1, 1, 1, 1, 0));

        signIn("clara");
        open("/caseload");
        assertEquals("Your caseload", heading());
        assertTrue(text().contains("Noa"), text());
        driver().findElement(By.linkText("Noa")).click();
        Browser.waiting().until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Noa"));
        assertTrue(text().contains("Intake completed"), "the timeline starts with the intake: " + text());
        assertTrue(text().contains("PHQ-9 total 11"), text());

        press("Start active treatment");
        Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "The episode's phase has changed."));

        // Book today's session, then record that it took place.
        driver().findElement(By.xpath("//summary[normalize-space()='Book a session']")).click();
        driver().executeScript("document.getElementById('plannedDate').value = arguments[0]",
                LocalDate.now(ZoneId.of("Europe/London")).toString());
        driver().executeScript("document.getElementById('plannedTime').value = '09:00'");
        type("lengthMinutes", "50");
        press("Book the session");
        assertTrue(text().contains("The session is booked."), text());
        pressStartingWith("Attended");
        assertTrue(text().contains("The session is updated."), text());

        driver().findElement(By.xpath("//a[starts-with(normalize-space(), 'Write note')]")).click();
        Browser.waiting().until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Session note"));
        assertTrue(text().contains("DAP note"), text());
        type("sections.data", "Arrived tense after the partner was late home; spoke about waiting by the phone.");
        type("sections.assessment", "The old fear of being left came up quickly; named it in the room.");
        type("triggers", "partner late home");
        choose("rupture.kind", "WITHDRAWAL");
        driver().findElement(By.id("rupture-repaired-yes")).click();
        type("regulationSkills", "paced breathing");
        type("homework.set", "Notice the body's first signal when waiting");
        choose("riskCheck.level", "LOW");
        press("Save draft");
        assertTrue(text().contains("The draft is saved."), text());

        // Signing without the plan section: the draft stays, the missing section is named.
        driver().findElement(By.id("confirmSign")).click();
        press("Sign note");
        assertTrue(text().contains("The draft is saved, but it cannot be signed yet."), text());
        assertTrue(driver().findElement(By.cssSelector(".error-summary")).getText().contains("Plan"), text());

        type("sections.plan", "Practise the pause before texting; review next week.");
        screenshot("note-editor");
        driver().findElement(By.id("confirmSign")).click();
        press("Sign note");
        assertTrue(text().contains("The note is signed."), text());
        assertTrue(text().contains("Signed by clara"), text());
        assertTrue(driver().findElements(By.id("sections.data")).isEmpty(), "a signed note is read-only");
        assertTrue(text().contains("Practise the pause before texting"), text());

        type("text", "Correction: the homework is for two weeks, not one.");
        press("Add addendum");
        assertTrue(text().contains("The addendum is added."), text());
        assertTrue(text().contains("Correction: the homework is for two weeks, not one."), text());
        screenshot("note-signed");

        // The timeline shows the signed note.
        open("/episodes/" + episodeId);
        assertTrue(text().contains("Note signed"), text());
        open("/caseload");
        screenshot("caseload");
    }

    @Test
    void aClinicianGivesThePhq9AgainAndSeesTheChart() {
        String episodeId = episodeFor("Kit", List.of(2, 2, 2, 2, 2, 2, 2, 2, 0));

        signIn("clara");
        open("/episodes/" + episodeId + "/outcomes");
        assertEquals("Outcomes: Kit", heading());
        assertTrue(text().contains("Only the baseline so far"), text());

        String[] answers = {"0", "1", "0", "1", "0", "0", "0", "0", "0"};
        for (int item = 1; item <= answers.length; item++) {
            choose("instr-0-" + item, answers[item - 1]);
        }
        // The running score comes in as the answers change.
        Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("score-0"), "9 of 9"));
        press("Record the scores");
        assertTrue(text().contains("The scores are recorded"), text());
        assertTrue(text().contains("Reliably improved since the baseline"), text());
        WebElement chart = driver().findElement(By.cssSelector("svg[role=img]"));
        assertEquals("PHQ-9 total over time", chart.findElement(By.tagName("title")).getAttribute("textContent"));
        assertEquals(2, chart.findElements(By.tagName("circle")).size(), "baseline and today");
        assertFalse(driver().findElements(By.cssSelector("svg polyline")).isEmpty());
        assertTrue(text().contains("Baseline 16"), text());
        screenshot("outcome-chart");

        open("/episodes/" + episodeId);
        assertTrue(text().contains("PHQ-9 given again"), text());
    }
}
