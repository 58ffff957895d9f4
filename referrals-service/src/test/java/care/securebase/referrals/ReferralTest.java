package care.securebase.referrals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.referrals.ReferralStatus.Party;
import java.time.Instant;
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
        assertEquals(ReferralStatus.ACCEPTED, referral.status);
        assertEquals(T0.plusSeconds(60), referral.updatedAt);

        ReferralStep started = referral.moveTo(ReferralStatus.IN_PROGRESS, Party.PARTNER, "sam", "  ",
                T0.plusSeconds(90));
        assertEquals(3, started.seq);
        assertNull(started.note);
        ReferralStep completed = referral.moveTo(ReferralStatus.COMPLETED, Party.PARTNER, "sam", " joined the group ",
                T0.plusSeconds(120));
        assertEquals("joined the group", completed.note);
        assertEquals(4, referral.lastStep);
    }

    @Test
    void aDeclineNeedsAReasonAndACompletionAnOutcome() {
        Referral referral = sent();
        var noReason = assertThrows(InvalidFieldException.class,
                () -> referral.moveTo(ReferralStatus.DECLINED, Party.PARTNER, "sam", " ", T0));
        assertEquals("reason", noReason.field());
        assertEquals(ReferralStatus.SENT, referral.status);

        referral.moveTo(ReferralStatus.ACCEPTED, Party.PARTNER, "sam", null, T0);
        referral.moveTo(ReferralStatus.IN_PROGRESS, Party.PARTNER, "sam", null, T0);
        var noOutcome = assertThrows(InvalidFieldException.class,
                () -> referral.moveTo(ReferralStatus.COMPLETED, Party.PARTNER, "sam", null, T0));
        assertEquals("outcome", noOutcome.field());
    }

    @Test
    void anIllegalMoveChangesNothing() {
        Referral referral = sent();
        referral.moveTo(ReferralStatus.DECLINED, Party.PARTNER, "sam", "no places until spring", T0);
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
}
