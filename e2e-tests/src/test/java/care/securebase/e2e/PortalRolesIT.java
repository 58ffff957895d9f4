package care.securebase.e2e;

import static care.securebase.e2e.Browser.heading;
import static care.securebase.e2e.Browser.navigation;
import static care.securebase.e2e.Browser.open;
import static care.securebase.e2e.Browser.screenshot;
import static care.securebase.e2e.Browser.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each role signs in through Keycloak in a real browser and sees only its own work: the navigation
 * lists that role's pages, and another role's page answers "Not available to your role".
 */
@ExtendWith({Stack.class, Browser.class})
class PortalRolesIT {

    static void refused(String path) {
        open(path);
        assertEquals("Not available to your role", heading(), path);
    }

    @Test
    void intakeCoordinator() {
        signIn("ingrid");
        assertEquals(List.of("Home", "Urgent", "Clients", "Register", "Waitlist", "Clinicians"), navigation());
        screenshot("home-intake-coordinator");
        open("/urgent");
        assertEquals("Urgent queue", heading());
        refused("/episodes");
        refused("/referrals/new");
    }

    @Test
    void clinician() {
        signIn("clara");
        assertEquals(List.of("Home", "Caseload", "Episodes"), navigation());
        open("/caseload");
        assertEquals("Your caseload", heading());
        open("/episodes");
        assertEquals("Episodes of care", heading());
        refused("/clients/new");
        refused("/referrals");
    }

    @Test
    void careCoordinator() {
        signIn("carmen");
        assertEquals(List.of("Home", "Board", "Referrals", "Send referral", "Programs", "Clients"), navigation());
        open("/programs");
        assertTrue(heading().contains("programs") || heading().contains("Programs"), heading());
        open("/board");
        assertEquals("Referral board", heading());
        refused("/settings");
        refused("/episodes");
        refused("/clinicians");
    }

    @Test
    void socialWorker() {
        signIn("sam");
        assertEquals(List.of("Home", "Inbox", "Our programs"), navigation());
        open("/referrals");
        assertEquals("Referral inbox", heading());
        open("/our-programs");
        assertEquals("Our programs", heading());
        refused("/board");
        refused("/clients");
        refused("/waitlist");
    }

    @Test
    void clinicAdmin() {
        signIn("ada");
        assertEquals(List.of("Home", "Clients", "Urgent", "Waitlist", "Clinicians", "Episodes", "Programs", "Referrals",
                "Reminders", "Notices", "Admin"), navigation());
        open("/clinicians");
        assertEquals("Clinicians", heading());
        open("/admin");
        assertEquals("Clinic administration", heading());
        refused("/clients/new");
        refused("/referrals/new");
    }

    @Test
    void signingOutEndsTheSessionAtKeycloakToo() {
        signIn("clara");
        open("/logout");
        // Back at the portal, which (signed out) sends the browser to Keycloak's login page again.
        Browser.waiting().until(d -> d.getCurrentUrl().contains("/realms/securebase/"));
        open("/episodes");
        Browser.waiting().until(d -> d.getCurrentUrl().contains("/realms/securebase/"));
    }
}
