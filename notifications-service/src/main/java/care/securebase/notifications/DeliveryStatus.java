package care.securebase.notifications;

/** PENDING until settled: SENT, SKIPPED (nothing to send it through, with a reason) or FAILED (gave up). */
public enum DeliveryStatus {
    PENDING, SENT, SKIPPED, FAILED
}
