package care.securebase.events;

import java.util.Arrays;
import java.util.Optional;

/** Every event SecureBase publishes: its wire name, topic, payload type and schema version. */
public enum EventType {
    CLIENT_REGISTERED("client-registered", Topics.INTAKE, ClientRegistered.class, 1),
    INTAKE_COMPLETED("intake-completed", Topics.INTAKE, IntakeCompleted.class, 1),
    CONSENT_CHANGED("consent-changed", Topics.INTAKE, ConsentChanged.class, 1),
    RISK_FLAG_RAISED("risk-flag-raised", Topics.INTAKE, RiskFlagRaised.class, 1),
    EPISODE_OPENED("episode-opened", Topics.SESSIONS, EpisodeOpened.class, 1),
    MAINTENANCE_STARTED("maintenance-started", Topics.SESSIONS, MaintenanceStarted.class, 1),
    MAINTENANCE_ENDED("maintenance-ended", Topics.SESSIONS, MaintenanceEnded.class, 1),
    EPISODE_DISCHARGED("episode-discharged", Topics.SESSIONS, EpisodeDischarged.class, 1),
    BOOSTER_SCHEDULE_CHANGED("booster-schedule-changed", Topics.SESSIONS, BoosterScheduleChanged.class, 1),
    BOOSTER_RECORDED("booster-recorded", Topics.SESSIONS, BoosterRecorded.class, 1),
    CHECK_IN_DUE("check-in-due", Topics.SESSIONS, CheckInDue.class, 1),
    CHECK_IN_FLAGGED("check-in-flagged", Topics.SESSIONS, CheckInFlagged.class, 1),
    CHECK_INS_ENDED("check-ins-ended", Topics.SESSIONS, CheckInsEnded.class, 1),
    APPOINTMENT_SCHEDULED("appointment-scheduled", Topics.SESSIONS, AppointmentScheduled.class, 1),
    APPOINTMENT_CANCELLED("appointment-cancelled", Topics.SESSIONS, AppointmentCancelled.class, 1),
    APPOINTMENT_CANCEL_REQUESTED("appointment-cancel-requested", Topics.SESSIONS, AppointmentCancelRequested.class, 1),
    // referral-sent: version 2 added the program's name and kind and who referred; version 3 dropped the
    // program (id, name, kind), which no consumer needs and which can reveal a clinical need.
    // referral-status-changed: version 2 added reason and outcome.
    REFERRAL_SENT("referral-sent", Topics.REFERRALS, ReferralSent.class, 3),
    REFERRAL_STATUS_CHANGED("referral-status-changed", Topics.REFERRALS, ReferralStatusChanged.class, 2),
    REFERRAL_OVERDUE("referral-overdue", Topics.REFERRALS, ReferralOverdue.class, 1),
    REMINDER_SENT("reminder-sent", Topics.NOTIFICATIONS, ReminderSent.class, 1),
    CHECK_IN_SENT("check-in-sent", Topics.NOTIFICATIONS, CheckInSent.class, 1),
    NOTIFICATION_FAILED("notification-failed", Topics.NOTIFICATIONS, NotificationFailed.class, 1),
    CONTACT_OPTED_OUT("contact-opted-out", Topics.NOTIFICATIONS, ContactOptedOut.class, 1);

    private final String wireName;
    private final String topic;
    private final Class<? extends DomainEvent> payloadType;
    private final int schemaVersion;

    EventType(String wireName, String topic, Class<? extends DomainEvent> payloadType, int schemaVersion) {
        this.wireName = wireName;
        this.topic = topic;
        this.payloadType = payloadType;
        this.schemaVersion = schemaVersion;
    }

    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends DomainEvent> payloadType() {
        return payloadType;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** The service that produces this type, named as in the envelope's source. */
    public String source() {
        return topic.substring(0, topic.indexOf('-')) + "-service";
    }

    public static EventType of(DomainEvent payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType == payload.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a registered event: " + payload.getClass()));
    }

    /** Unknown names are empty rather than an error: a newer producer may know types we don't. */
    public static Optional<EventType> named(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
