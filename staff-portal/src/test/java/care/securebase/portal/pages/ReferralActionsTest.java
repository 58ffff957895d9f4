package care.securebase.portal.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.portal.web.Roles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralActionsTest {

    static List<String> names(String status, String... roles) {
        return ReferralActions.available(status, Set.of(roles)).stream().map(ReferralActions.Action::name).toList();
    }

    @Test
    void thePartnerAnswersAndReportsProgress() {
        assertEquals(List.of("accept", "decline"), names("SENT", Roles.SOCIAL_WORKER));
        assertEquals(List.of("accept", "decline"), names("RECEIVED", Roles.SOCIAL_WORKER));
        assertEquals(List.of("schedule", "start"), names("ACCEPTED", Roles.SOCIAL_WORKER));
        // Rescheduling, starting, or (as the service allows) completing straight from SCHEDULED.
        assertEquals(List.of("schedule", "start", "complete"), names("SCHEDULED", Roles.SOCIAL_WORKER));
        assertTrue(ReferralActions.named("schedule").orElseThrow().dated());
        assertEquals(List.of("complete"), names("IN_PROGRESS", Roles.SOCIAL_WORKER));
    }

    @Test
    void theClinicMayWithdrawUntilTheEnd() {
        for (String open : List.of("DRAFT", "SENT", "RECEIVED", "ACCEPTED", "IN_PROGRESS")) {
            assertEquals(List.of("cancel"), names(open, Roles.CARE_COORDINATOR), open);
        }
    }

    @Test
    void finishedReferralsOfferNothing() {
        for (String done : List.of("DECLINED", "COMPLETED", "CANCELLED", "EXPIRED")) {
            assertTrue(names(done, Roles.SOCIAL_WORKER, Roles.CARE_COORDINATOR, Roles.CLINIC_ADMIN).isEmpty(), done);
        }
    }

    @Test
    void readersOfferNothing() {
        assertTrue(names("SENT", Roles.CLINIC_ADMIN, Roles.CLINICIAN).isEmpty());
    }

    @Test
    void declineAndCompleteNeedTheirNote() {
        ReferralActions.Action decline = ReferralActions.named("decline").orElseThrow();
        assertEquals("reason", decline.code());
        assertTrue(decline.codes().contains("NO_CAPACITY"));
        assertTrue(decline.codeRequired());
        assertEquals("outcome", ReferralActions.named("complete").orElseThrow().code());
        assertTrue(ReferralActions.named("delete").isEmpty());
    }
}
