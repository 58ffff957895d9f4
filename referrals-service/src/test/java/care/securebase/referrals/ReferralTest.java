package care.securebase.referrals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.referrals.Referral.Details;
import care.securebase.referrals.ReferralStatus.Party;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReferralTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    private static Referral sent() {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.start(ReferralStatus.SENT, "carmen", T0);
        return referral;
    }

    @Test
    void everyMoveIsRecordedAsTheNextStep() {
        Referral referral = sent();
        ReferralStep accepted = referral.moveTo(ReferralStatus.ACCEPTED, Party.PARTNER, "sam", null,
                T0.plusSeconds(60));
        assertEquals(2, accepted.seq);
        assertEquals(ReferralStatus.SENT, accepted.fromStatus);
        assertEquals(ReferralStatus.ACCEPTED, accepted.status);
        assertEquals(referral.id, accepted.referralId);
        assertEquals("sam", accepted.by);
        assertEquals(T0.plusSeconds(60), accepted.at);
        assertEquals(ReferralStatus.ACCEPTED, referral.status);
        assertEquals(T0.plusSeconds(60), referral.updatedAt);

        ReferralStep started = referral.moveTo(ReferralStatus.IN_PROGRESS, Party.PARTNER, "sam",
                new Details(null, "  ", null), T0.plusSeconds(90));
        assertEquals(3, started.seq);
        assertNull(started.note);
        ReferralStep completed = referral.moveTo(ReferralStatus.COMPLETED, Party.PARTNER, "sam",
                new Details("ENGAGED", " joined the group ", null), T0.plusSeconds(120));
        assertEquals("joined the group", completed.note);
        assertEquals("ENGAGED", completed.code);
        assertEquals(4, referral.lastStep);
    }

    @Test
    void aDeclineNeedsAReasonACompletionAnOutcomeAndASchedulingADate() {
        Referral referral = sent();
        var noReason = assertThrows(InvalidFieldException.class,
                () -> referral.moveTo(ReferralStatus.DECLINED, Party.PARTNER, "sam", new Details(" ", "full", null), T0));
        assertEquals("reason", noReason.field());
        assertEquals(ReferralStatus.SENT, referral.status);

        referral.moveTo(ReferralStatus.ACCEPTED, Party.PARTNER, "sam", null, T0);
        var noDate = assertThrows(InvalidFieldException.class,
                () -> referral.moveTo(ReferralStatus.SCHEDULED, Party.PARTNER, "sam", Details.NONE, T0));
        assertEquals("date", noDate.field());
        referral.moveTo(ReferralStatus.IN_PROGRESS, Party.PARTNER, "sam", null, T0);
        var noOutcome = assertThrows(InvalidFieldException.class,
                () -> referral.moveTo(ReferralStatus.COMPLETED, Party.PARTNER, "sam", null, T0));
        assertEquals("outcome", noOutcome.field());
    }

    @Test
    void schedulingKeepsTheDateAndReschedulingReplacesIt() {
        Referral referral = sent();
        referral.moveTo(ReferralStatus.ACCEPTED, Party.PARTNER, "sam", null, T0);
        ReferralStep first = referral.moveTo(ReferralStatus.SCHEDULED, Party.PARTNER, "sam",
                new Details(null, null, LocalDate.of(2030, 1, 20)), T0.plusSeconds(10));
        assertEquals(LocalDate.of(2030, 1, 20), first.scheduledFor);
        ReferralStep again = referral.moveTo(ReferralStatus.SCHEDULED, Party.PARTNER, "sam",
                new Details(null, "client asked for a later day", LocalDate.of(2030, 1, 27)), T0.plusSeconds(20));
        assertEquals(ReferralStatus.SCHEDULED, again.fromStatus);
        assertEquals(LocalDate.of(2030, 1, 27), referral.scheduledFor);
        ReferralStep done = referral.moveTo(ReferralStatus.COMPLETED, Party.PARTNER, "sam",
                Details.code("GOALS_MET"), T0.plusSeconds(30));
        assertNull(done.scheduledFor);
        assertEquals(LocalDate.of(2030, 1, 27), referral.scheduledFor);
    }

    @Test
    void anIllegalMoveChangesNothing() {
        Referral referral = sent();
        referral.moveTo(ReferralStatus.DECLINED, Party.PARTNER, "sam", Details.code("NO_CAPACITY"), T0);
        assertThrows(ConflictException.class,
                () -> referral.moveTo(ReferralStatus.ACCEPTED, Party.PARTNER, "sam", null, T0.plusSeconds(5)));
        assertEquals(ReferralStatus.DECLINED, referral.status);
        assertEquals(2, referral.lastStep);
        assertEquals(T0, referral.updatedAt);
    }

    @Test
    void aReferralStartsAsDraftOrSent() {
        Referral draft = new Referral();
        ReferralStep first = draft.start(ReferralStatus.DRAFT, "carmen", T0);
        assertEquals(1, first.seq);
        assertNull(first.fromStatus);
        assertThrows(IllegalArgumentException.class, () -> new Referral().start(ReferralStatus.ACCEPTED, "x", T0));
    }

    @Test
    void forgettingTheSharedDetailsClearsEveryOne() {
        Referral referral = sent();
        referral.sharedName = "Liam";
        referral.sharedEmail = "liam@example.org";
        referral.sharedPhone = "+44 1";
        referral.sharedLanguage = "en";
        referral.forgetSharedClientDetails();
        assertNull(referral.sharedName);
        assertNull(referral.sharedEmail);
        assertNull(referral.sharedPhone);
        assertNull(referral.sharedLanguage);
    }
}
