package care.securebase.notifications;

/**
 * PENDING until settled: SENT, SKIPPED (nothing to send it through, with a reason), FAILED (gave
 * up) or CANCELLED (what it was about was called off).
 */
public enum DeliveryStatus {
    PENDING, SENT, SKIPPED, FAILED, CANCELLED
}
