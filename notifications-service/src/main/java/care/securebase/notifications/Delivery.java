package care.securebase.notifications;

import care.securebase.notifications.delivery.RetryPolicy;
import care.securebase.tracing.StoredTrace;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The delivery state every outgoing message shares (reminders, partner notices, and later SMS or
 * in-portal notices): one row is one message, settled exactly once.
 */
@MappedSuperclass
public abstract class Delivery extends PanacheEntityBase {

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    /** When the dispatcher should look at the row next; null once settled. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    public int attempts;
    @Column(name = "sent_at")
    public Instant sentAt;
    /** A short code saying why a row was skipped, deferred or failed; never message content. */
    public String reason;
    /** The trace of the event that planned the message (W3C); its delivery continues it. */
    public String traceparent;
    public String tracestate;

    public StoredTrace trace() {
        return new StoredTrace(traceparent, tracestate);
    }

    public void markSent(Instant now) {
        attempts++;
        status = DeliveryStatus.SENT;
        sentAt = now;
        nextAttemptAt = null;
        reason = null;
    }

    public void skip(String why) {
        status = DeliveryStatus.SKIPPED;
        nextAttemptAt = null;
        reason = why;
    }

    /** What it was about was called off (or moved): never sent. */
    public void cancel(String why) {
        status = DeliveryStatus.CANCELLED;
        nextAttemptAt = null;
        reason = why;
    }

    /** Not ready to send yet (e.g. the contact details have not arrived); not counted as an attempt. */
    public void defer(Instant until, String why) {
        nextAttemptAt = until;
        reason = why;
    }

    /** A send that failed: try again later with backoff, or give up after the last attempt. */
    public void failedAttempt(String why, Instant now, RetryPolicy retry) {
        attempts++;
        reason = why;
        if (attempts >= retry.maxAttempts()) {
            status = DeliveryStatus.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = now.plus(retry.delayAfter(attempts));
        }
    }
}
