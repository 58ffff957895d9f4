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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An intake from start to finish in the browser, as the clinic does it: the administrator makes sure
 * the clinician can take clients, the intake coordinator registers the client with consent, fills
 * in the PHQ-9 (the score appears as it is answered) and assigns the clinician, who then finds the
 * client's new episode.
 */
@ExtendWith({Stack.class, Browser.class})
class IntakeInBrowserIT {

    private static final String RUN = Fixture.letters(6);

    @Test
    void registerConsentPhq9AssignThenTheClinicianSeesTheEpisode() {
        signIn("ada");
        open("/clinicians");
        type("id", "clara");
        type("displayName", "Clara Moreau");
        type("caseloadLimit", "25");
        if (!driver().findElement(By.id("onCall")).isSelected()) {
            driver().findElement(By.id("onCall")).click();
        }
        press("Save");
        assertTrue(text().contains("The clinician's record is saved."), text());
        assertTrue(text().contains("Clara Moreau"), text());
        screenshot("clinicians");

        signIn("ingrid");
        open("/clients/new");
        type("legalName", "Robin Browser " + RUN);
        type("preferredName", "Robin");
        type("pronouns", "they/them");
        // A date field takes what is typed in the browser's own order; set it directly instead.
        driver().executeScript("document.getElementById('dateOfBirth').value = '1991-06-15'");
        type("email", "robin-" + RUN + "@example.org");
        press("Register client");
        assertTrue(text().contains("The client is registered."), text());
        Matcher id = Pattern.compile("/clients/([0-9a-f-]{36})").matcher(driver().getCurrentUrl());
        assertTrue(id.find(), driver().getCurrentUrl());
        String clientId = id.group(1);
        assertTrue(text().contains("Treatment"), "the treatment consent signed at registration is listed: " + text());

        // Consent to share with social work, recorded on the client's page.
        choose("scope", "SHARE_SOCIAL_WORK");
        press("Record consent");
        Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "The consent is recorded."));
        assertTrue(text().contains("Share social work"), text());
        screenshot("client-consents");

        open("/clients/" + clientId + "/intake");
        assertEquals("Intake for Robin", heading());
        type("presentingConcerns", "Fear of being left when a partner is away");
        driver().findElement(By.id("theme-FEAR_OF_ABANDONMENT")).click();
        String[] answers = {"2", "2", "1", "2", "1", "1", "1", "1", "0"};
        for (int item = 1; item <= answers.length; item++) {
            choose("instr-0-" + item, answers[item - 1]);
        }
        // htmx scores the answers as they change: 11, moderate.
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("score-0"), "9 of 9 questions answered"));
        String score = driver().findElement(By.id("score-0")).getText();
        assertTrue(score.contains("11") && score.contains("moderate"), score);
        choose("clinicianId", "clara");
        screenshot("intake-phq9");
        press("Complete intake");

        assertEquals("Intake for Robin", heading());
        String result = text();
        assertTrue(result.contains("The intake is complete."), result);
        assertTrue(result.contains("Assigned to") && result.contains("clara"), result);
        assertTrue(result.contains("PHQ-9") && result.contains("moderate"), result);
        screenshot("intake-result");

        // sessions-service opens the episode from intake's event; the clinician finds it.
        signIn("clara");
        new WebDriverWait(driver(), Duration.ofSeconds(30), Duration.ofMillis(500)).until(d -> {
            open("/episodes?clientId=" + clientId);
            return !d.findElements(By.cssSelector("main table a[href^='/episodes/']")).isEmpty();
        });
        driver().findElement(By.cssSelector("main table a[href^='/episodes/']")).click();
        Browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Assessment"));
        // PHQ-9 11 without a risk signal: routine priority, no risk; the intake's result is linked.
        assertTrue(text().contains("Routine") && text().toLowerCase().contains("intake result"), text());
        screenshot("episode-clinician");
    }
}
