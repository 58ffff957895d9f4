package care.securebase.notifications.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import care.securebase.notifications.DeliveryStatus;
import care.securebase.notifications.PartnerNotice;
import care.securebase.notifications.StaffNotice;
import care.securebase.notifications.TestClock;
import care.securebase.notifications.service.StaffNoticeService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryStateTest {

    final TestClock clock = TestClock.at(Instant.parse("2026-05-10T08:00:00Z"));
    final RetryPolicy retry = new RetryPolicy(3, Duration.ofMinutes(1));

    static PartnerNotice pending(Instant now) {
        PartnerNotice n = new PartnerNotice();
        n.status = DeliveryStatus.PENDING;
        n.nextAttemptAt = now;
        return n;
    }

    @Test
    void failedSendsAreRetriedWithGrowingDelaysThenGivenUp() {
        PartnerNotice n = pending(clock.instant());

        n.failedAttempt("send-failed:ConnectException", clock.instant(), retry);
        assertEquals(DeliveryStatus.PENDING, n.status);
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), n.nextAttemptAt);

        clock.advance(Duration.ofMinutes(1));
        n.failedAttempt("send-failed:ConnectException", clock.instant(), retry);
        assertEquals(clock.instant().plus(Duration.ofMinutes(2)), n.nextAttemptAt);

        clock.advance(Duration.ofMinutes(2));
        n.failedAttempt("send-failed:ConnectException", clock.instant(), retry);
        assertEquals(DeliveryStatus.FAILED, n.status);
        assertEquals(3, n.attempts);
        assertNull(n.nextAttemptAt, "a settled row is never claimed again");
    }

    @Test
    void aSendAfterAFailureSettlesAsSentAndCountsBothAttempts() {
        PartnerNotice n = pending(clock.instant());
        n.failedAttempt("send-failed:ConnectException", clock.instant(), retry);
        clock.advance(Duration.ofMinutes(1));
        n.markSent(clock.instant());

        assertEquals(DeliveryStatus.SENT, n.status);
        assertEquals(clock.instant(), n.sentAt);
        assertEquals(2, n.attempts);
        assertNull(n.nextAttemptAt);
        assertNull(n.reason);
    }

    @Test
    void delaysDoubleUpToACap() {
        assertEquals(Duration.ofMinutes(1), retry.delayAfter(1));
        assertEquals(Duration.ofMinutes(4), retry.delayAfter(3));
        assertEquals(Duration.ofHours(6), new RetryPolicy(50, Duration.ofHours(1)).delayAfter(40));
    }

    @Test
    void failureReasonsNameTheCauseNotItsMessage() {
        String reason = MailSender.reasonOf(new RuntimeException("wrapped jo@example.test",
                new java.net.ConnectException("Connection refused to jo@example.test")));
        assertEquals("send-failed:ConnectException", reason);
    }

    @Test
    void aStaffNoticeWhoseAddressCouldNotBeLookedUpIsRetriedLikeAFailedSend() {
        StaffNotice n = new StaffNotice();
        n.status = DeliveryStatus.PENDING;
        n.nextAttemptAt = clock.instant();
        n.failedAttempt(StaffNoticeService.DIRECTORY_UNAVAILABLE, clock.instant(), retry);
        assertEquals(DeliveryStatus.PENDING, n.status);
        assertEquals("staff-directory-unavailable", n.reason);
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), n.nextAttemptAt);
    }
}
