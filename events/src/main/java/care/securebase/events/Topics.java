package care.securebase.events;

/** One topic per producing service; the key of every record is the event's subject. */
public final class Topics {
    public static final String INTAKE = "intake-events";
    public static final String SESSIONS = "sessions-events";
    public static final String REFERRALS = "referrals-events";
    public static final String NOTIFICATIONS = "notifications-events";

    private Topics() {
    }
}
