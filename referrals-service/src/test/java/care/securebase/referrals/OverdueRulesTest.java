package care.securebase.referrals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OverdueRulesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final OverdueRules RULES = new OverdueRules(Duration.ofDays(14), Duration.ofDays(7), LONDON);
    private static final LocalDate RESPOND_BY = LocalDate.of(2030, 3, 10);

    private static Referral in(ReferralStatus status, Instant since) {
        Referral r = new Referral();
        r.status = status;
        r.respondBy = RESPOND_BY;
        r.updatedAt = since;
        return r;
    }

    private static Instant london(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    @Test
    void anAnswerIsDueAtTheEndOfTheRespondByDay() {
        Referral sent = in(ReferralStatus.SENT, london("2030-03-01T09:00"));
        assertFalse(RULES.unanswered(sent, london("2030-03-10T23:59:59")));
        assertTrue(RULES.unanswered(sent, london("2030-03-11T00:00")));
        assertEquals(Optional.of(OverdueRules.Kind.UNANSWERED), RULES.overdue(sent, london("2030-03-12T08:00")));
        assertEquals(LocalDate.of(2030, 3, 11), RULES.firstDayNotYetDue(london("2030-03-11T00:30")));
    }

    @Test
    void unansweredExpiresAWeekAfterTheRespondByDay() {
        Referral received = in(ReferralStatus.RECEIVED, london("2030-03-02T09:00"));
        assertFalse(RULES.expired(received, london("2030-03-17T23:59")));
        assertTrue(RULES.expired(received, london("2030-03-18T00:00")));
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"SENT", "RECEIVED"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyUnansweredReferralsAreUnansweredOrExpire(ReferralStatus status) {
        Referral r = in(status, london("2030-03-01T09:00"));
        assertFalse(RULES.unanswered(r, london("2030-06-01T00:00")));
        assertFalse(RULES.expired(r, london("2030-06-01T00:00")));
    }

    @Test
    void acceptedButNotStartedAfterTwoWeeks() {
        Instant accepted = london("2030-03-05T10:00");
        Referral r = in(ReferralStatus.ACCEPTED, accepted);
        assertFalse(RULES.notStarted(r, accepted.plus(Duration.ofDays(14)).minusSeconds(1)));
        assertTrue(RULES.notStarted(r, accepted.plus(Duration.ofDays(14))));
        assertEquals(Optional.of(OverdueRules.Kind.NOT_STARTED), RULES.overdue(r, accepted.plus(Duration.ofDays(20))));
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"SCHEDULED", "IN_PROGRESS", "COMPLETED", "CANCELLED"})
    void scheduledOrStartedIsNotOverdue(ReferralStatus status) {
        Referral r = in(status, london("2030-03-05T10:00"));
        assertEquals(Optional.empty(), RULES.overdue(r, london("2030-09-01T00:00")));
    }
}
