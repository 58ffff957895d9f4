package care.securebase.e2e;

import static care.securebase.e2e.Browser.driver;
import static care.securebase.e2e.Browser.heading;
import static care.securebase.e2e.Browser.open;
import static care.securebase.e2e.Browser.press;
import static care.securebase.e2e.Browser.signIn;
import static care.securebase.e2e.Browser.text;
import static care.securebase.e2e.Browser.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The portal behind a load balancer: a user signed in on one replica goes on, and sends a form, on
 * another. Nothing of a session lives in a replica's memory: the OIDC session and state cookies are
 * encrypted with the secret all replicas share, the CSRF token is a double-submit cookie. A replica
 * with another secret cannot read the session (the control: the check can fail).
 */
@ExtendWith({Stack.class, Browser.class})
class PortalReplicasIT {

    static final int SECOND = 18090;
    static final int FOREIGN = 18091;
    static Process second;
    static Process foreign;

    @BeforeAll
    static void startReplicas() throws Exception {
        second = Stack.Running.extraPortal(SECOND, Map.of());
        foreign = Stack.Running.extraPortal(FOREIGN,
                Map.of("PORTAL_SESSION_SECRET", "another-deployment-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stopReplicas() {
        for (Process p : new Process[] {second, foreign}) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aSessionAndAFormStartedOnOneReplicaGoOnOnAnother() {
        signIn("ingrid");

        driver().get(url(SECOND, "/"));
        assertTrue(heading().startsWith("Welcome"), "signed in on the second replica too: " + heading());

        // The form comes from the first replica (its CSRF token with it) and is sent to the second.
        String run = Fixture.letters(8);
        open("/clients/new");
        type("legalName", "Robin Replica " + run);
        type("preferredName", "Robin");
        driver().executeScript("document.getElementById('dateOfBirth').value = '1987-03-21'");
        type("email", "robin-replica-" + run + "@example.org");
        WebElement button = driver().findElement(By.xpath("//button[normalize-space()='Register client']"));
        driver().executeScript("arguments[0].form.action = 'http://localhost:" + SECOND
                + "' + new URL(arguments[0].form.action).pathname", button);
        press("Register client");
        assertTrue(driver().getCurrentUrl().startsWith(url(SECOND, "/clients/")), driver().getCurrentUrl());
        assertTrue(text().contains("The client is registered."), text());

        driver().get(url(FOREIGN, "/"));
        assertFalse(driver().getCurrentUrl().startsWith(url(FOREIGN, "/")),
                "a replica with another secret must not read the session: " + driver().getCurrentUrl());
        assertEquals(0, driver().findElements(By.xpath("//h1[starts-with(normalize-space(), 'Welcome')]")).size());
    }
}
