package care.securebase.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The check-in page in a real browser at a phone's width (360 CSS pixels): Debian's headless Chromium
 * and chromium-driver, which ./clinic installs (the driver's path is given, so Selenium never
 * downloads one), against the stand-in sessions-service. With script the crisis line appears the
 * moment a risk answer is ticked; without script the whole check-in still works and the crisis line
 * appears once that step is sent.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class CheckInInBrowserTest {

    static final String CHROMIUM = System.getProperty("securebase.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("securebase.chromedriver", "/usr/bin/chromedriver");
    static final int PHONE_WIDTH = 360;

    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void clean() {
        FakeServices.reset();
        FakeServices.answer("GET /sessions/links/check-ins/" + PublicPagesTest.TOKEN, 200, PublicPagesTest.CHECK_IN);
        FakeServices.answer("POST /sessions/links/check-ins/" + PublicPagesTest.TOKEN, 200,
                "{\"crisis\":true,\"crisisLine\":\"0800 123 4567\"}");
    }

    static ChromeDriver phone(boolean javascript) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException(CHROMIUM + " or " + CHROMEDRIVER + " is missing: ./clinic test installs "
                    + "Debian's chromium and chromium-driver (or: apt-get install chromium chromium-driver)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--lang=en-GB", "--no-first-run", "--disable-search-engine-choice-screen");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // A phone's viewport: 360 CSS pixels wide, touch, at twice the density.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", 740,
                "deviceScaleFactor", 2, "mobile", true));
        return driver;
    }

    @Test
    void withScriptTheCrisisLineShowsTheMomentARiskAnswerIsTicked() throws Exception {
        ChromeDriver d = phone(true);
        try {
            d.get(portal + "c/" + PublicPagesTest.TOKEN);
            assertEquals(PHONE_WIDTH, ((Number) d.executeScript("return window.innerWidth")).intValue());
            assertEquals("How have you been?", d.findElement(By.tagName("h1")).getText());
            assertPhoneReady(d);
            WebElement crisis = d.findElement(By.id("crisis"));
            assertFalse(crisis.isDisplayed());
            tick(d, "a0_1-0");
            assertFalse(crisis.isDisplayed(), "an ordinary answer shows nothing");
            tick(d, "a0_9-1");
            assertTrue(crisis.isDisplayed(), "shown before the step is sent");
            assertTrue((Boolean) d.executeScript("var r = document.getElementById('crisis').getBoundingClientRect();"
                    + " return r.top < window.innerHeight && r.bottom > 0"), "shown where the client is looking");
            assertTrue(crisis.getText().contains("0800 123 4567"), crisis.getText());
            assertTrue(FakeServices.requests().stream().noneMatch(r -> r.method().equals("POST")));
            screenshot(d, "check-in-360-crisis");

            // The appointment page at the same width.
            String token = "Zz9Yy8Xx7Ww6Vv5Uu4Tt3S.s2Rr1Qq0Pp-Oo_Nn9Mm8";
            FakeServices.answer("GET /sessions/links/appointments/" + token, 200, """
                    {"clinicName":"Northside Clinic","startsAt":"2030-01-15T10:00:00Z","timeZone":"Europe/London",
                     "telehealth":true,"videoLink":"https://video.example.org/room/42","confirmation":"NOT_CONFIRMED"}""");
            d.get(portal + "a/" + token);
            assertEquals("Your appointment", d.findElement(By.tagName("h1")).getText());
            assertPhoneReady(d);
            screenshot(d, "appointment-360");
        } finally {
            d.quit();
        }
    }

    @Test
    void withoutScriptTheWholeCheckInWorksAndTheCrisisLineFollowsTheStep() throws Exception {
        ChromeDriver d = phone(false);
        try {
            d.get(portal + "c/" + PublicPagesTest.TOKEN);
            assertPhoneReady(d);
            for (int i = 1; i <= 8; i++) {
                tick(d, "a0_" + i + "-0");
            }
            tick(d, "a0_9-2");
            screenshot(d, "check-in-360-no-script-step-1");
            // Proof the page's script is off: with it, this answer would show the crisis line at once.
            assertFalse(d.findElement(By.id("crisis")).isDisplayed(), "without script, nothing changes before sending");
            press(d, "Next");
            assertTrue(d.findElement(By.tagName("main")).getText().contains("Step 2 of 4"));
            assertTrue(d.findElement(By.id("crisis")).isDisplayed(), "the crisis line, after the risk step was sent");
            assertPhoneReady(d);
            for (int i = 1; i <= 7; i++) {
                tick(d, "a1_" + i + "-3");
            }
            press(d, "Next");
            assertPhoneReady(d);
            tick(d, "warningSign-1");
            tick(d, "copingTool-0");
            press(d, "Next");
            assertPhoneReady(d);
            d.findElement(By.id("diary")).sendKeys("I told my partner what I needed and it went well.");
            screenshot(d, "check-in-360-no-script-diary");
            press(d, "Send my answers");
            assertEquals("Thank you", d.findElement(By.tagName("h1")).getText());
            assertTrue(d.findElement(By.id("crisis")).isDisplayed());
            assertPhoneReady(d);
            JsonNode sent = PublicPagesTest.JSON.readTree(
                    FakeServices.last("POST /sessions/links/check-ins/" + PublicPagesTest.TOKEN).body());
            assertEquals("[0,0,0,0,0,0,0,0,2]", sent.path("answers").path("PHQ-9").toString());
            assertEquals("[3,3,3,3,3,3,3]", sent.path("answers").path("GAD-7").toString());
            assertEquals("[1]", sent.path("warningSigns").toString());
            assertEquals("[0]", sent.path("copingTools").toString());
            assertEquals("I told my partner what I needed and it went well.", sent.path("diary").asText());
        } finally {
            d.quit();
        }
    }

    /** The whole page at the phone's width, as target/screenshots/NAME.png, for people to look at. */
    static void screenshot(ChromeDriver d, String name) throws java.io.IOException {
        long height = ((Number) d.executeScript("return document.documentElement.scrollHeight")).longValue();
        d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", (int) Math.min(4000, Math.max(740, height)), "deviceScaleFactor", 1, "mobile", true));
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name + ".png"), d.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } finally {
            d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", 740,
                    "deviceScaleFactor", 2, "mobile", true));
        }
    }

    /** Ticks a radio or checkbox by its label, as a finger would. */
    static void tick(ChromeDriver d, String id) {
        WebElement label = d.findElement(By.cssSelector("label[for='" + id + "']"));
        label.click();
        assertTrue(d.findElement(By.id(id)).isSelected(), id + " is ticked");
    }

    static void press(ChromeDriver d, String text) {
        WebElement button = d.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
        button.click();
        new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                // Chrome says "stale" either way, or that the node "does not belong to the document".
                if (e instanceof org.openqa.selenium.StaleElementReferenceException
                        || String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** No sideways scrolling at the phone's width, and a label for every control the page shows. */
    @SuppressWarnings("unchecked")
    static void assertPhoneReady(ChromeDriver d) {
        assertTrue((Boolean) d.executeScript(
                        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                "no horizontal scroll at " + PHONE_WIDTH + " px on " + d.getTitle());
        List<String> unlabelled = (List<String>) d.executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(e => e.type !== 'hidden')
                  .filter(e => !e.labels || e.labels.length === 0 || e.labels[0].textContent.trim() === '')
                  .map(e => e.name + '#' + e.id);""");
        assertTrue(unlabelled.isEmpty(), "controls without a label: " + unlabelled);
        List<String> offScreen = (List<String>) d.executeScript("""
                return Array.from(document.querySelectorAll('label, legend, button, h1, h2, p'))
                  .filter(e => e.offsetParent !== null)
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                  .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40));""");
        assertTrue(offScreen.isEmpty(), "cut off at the right edge: " + offScreen);
    }
}
