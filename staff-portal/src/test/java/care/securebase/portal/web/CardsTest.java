package care.securebase.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardsTest {

    static List<String> hrefs(String... roles) {
        return Cards.forRoles(Set.of(roles)).stream().map(Cards.Card::href).toList();
    }

    @Test
    void eachRoleSeesItsOwnWork() {
        assertEquals(List.of("/urgent", "/clients", "/clients/new", "/waitlist", "/clinicians"),
                hrefs(Roles.INTAKE_COORDINATOR));
        assertEquals(List.of("/caseload", "/episodes"), hrefs(Roles.CLINICIAN));
        assertEquals(List.of("/board", "/referrals", "/referrals/new", "/programs", "/clients"),
                hrefs(Roles.CARE_COORDINATOR));
        assertEquals(List.of("/referrals", "/our-programs"), hrefs(Roles.SOCIAL_WORKER));
        assertEquals(List.of("/clients", "/urgent", "/waitlist", "/clinicians", "/episodes", "/programs", "/referrals",
                "/reminders", "/notices", "/admin"), hrefs(Roles.CLINIC_ADMIN));
    }

    @Test
    void theInboxIsASocialWorkersReferralsPage() {
        assertEquals("Referral inbox", Cards.forRoles(Set.of(Roles.SOCIAL_WORKER)).get(0).title());
    }

    @Test
    void severalRolesShowEachPageOnceInRoleOrder() {
        assertEquals(List.of("/urgent", "/clients", "/clients/new", "/waitlist", "/clinicians", "/caseload", "/episodes"),
                hrefs(Roles.CLINICIAN, Roles.INTAKE_COORDINATOR));
        assertEquals(List.of("/urgent", "/clients", "/clients/new", "/waitlist", "/clinicians", "/episodes", "/programs",
                "/referrals", "/reminders", "/notices", "/admin"), hrefs(Roles.INTAKE_COORDINATOR, Roles.CLINIC_ADMIN));
    }

    @Test
    void noRoleNoWork() {
        assertTrue(hrefs().isEmpty());
        assertTrue(hrefs("offline_access", "uma_authorization").isEmpty());
    }
}
