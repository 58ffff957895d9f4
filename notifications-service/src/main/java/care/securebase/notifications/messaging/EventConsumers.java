package care.securebase.notifications.messaging;

import care.securebase.events.AppointmentCancelRequested;
import care.securebase.events.AppointmentCancelled;
import care.securebase.events.AppointmentScheduled;
import care.securebase.events.BoosterRecorded;
import care.securebase.events.BoosterScheduleChanged;
import care.securebase.events.CheckInDue;
import care.securebase.events.CheckInFlagged;
import care.securebase.events.CheckInsEnded;
import care.securebase.events.ClientRegistered;
import care.securebase.events.ConsentChanged;
import care.securebase.events.MaintenanceEnded;
import care.securebase.events.MaintenanceStarted;
import care.securebase.events.ReferralOverdue;
import care.securebase.events.ReferralSent;
import care.securebase.events.RiskFlagRaised;
import care.securebase.events.Topics;
import care.securebase.kit.outbox.IncomingEvents.Received;
import care.securebase.kit.outbox.IncomingEvents;
import care.securebase.notifications.delivery.Dispatcher;
import care.securebase.notifications.service.AppointmentService;
import care.securebase.notifications.service.CheckInService;
import care.securebase.notifications.service.ContactService;
import care.securebase.notifications.service.NoticeService;
import care.securebase.notifications.service.ReminderService;
import care.securebase.notifications.service.StaffNoticeService;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes in the three topics this service listens to. Types it does not need are ignored; each
 * handled event is applied in one transaction with its inbox entry, so a redelivery changes nothing.
 *
 * A failure to apply an event (the database away, say) is retried, backing off, until it works:
 * the partition waits rather than skip an event that must not be lost.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final IncomingEvents events;
    private final ContactService contacts;
    private final ReminderService reminders;
    private final NoticeService notices;
    private final StaffNoticeService staffNotices;
    private final CheckInService checkIns;
    private final AppointmentService appointments;
    private final ManagedExecutor executor;
    private final Dispatcher dispatcher;

    public EventConsumers(IncomingEvents events, ContactService contacts, ReminderService reminders,
                          NoticeService notices, StaffNoticeService staffNotices, CheckInService checkIns,
                          AppointmentService appointments, ManagedExecutor executor, Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.checkIns = checkIns;
        this.appointments = appointments;
        this.events = events;
        this.contacts = contacts;
        this.reminders = reminders;
        this.notices = notices;
        this.staffNotices = staffNotices;
        this.executor = executor;
    }

    @Incoming(Topics.INTAKE)
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onIntakeEvents(ConsumerRecords<String, String> records, IncomingKafkaRecordBatchMetadata<String, String> metadata) {
        events.each("EventConsumers.onIntakeEvent", records, metadata, this::onIntakeEvent);
    }

    private void onIntakeEvent(String json) {
        events.parse(json).ifPresent(e -> {
            switch (e.type()) {
                case CLIENT_REGISTERED -> e.readablePayload(ClientRegistered.class)
                        .filter(p -> complete(e, p.clientId(), p.clinicId()))
                        .ifPresent(p -> contacts.record(e.envelope().id(), p, e.envelope().time()));
                case RISK_FLAG_RAISED -> e.readablePayload(RiskFlagRaised.class)
                        .filter(p -> complete(e, p.clientId(), p.clinicId(), p.intakeId()))
                        .flatMap(p -> staffNotices.record(e.envelope().id(), p, e.envelope().time()))
                        .ifPresent(this::sendAtOnce);
                case CONSENT_CHANGED -> e.readablePayload(ConsentChanged.class)
                        .filter(p -> complete(e, p.clientId(), p.clinicId()))
                        // Only contact consents concern this service; the others leave no trace here.
                        .ifPresent(p -> ContactService.contactChannel(p.scope())
                                .ifPresent(channel -> contacts.consent(e.envelope().id(), p, channel, e.envelope().time())));
                default -> {
                }
            }
        });
    }

    /**
     * Sends the committed notice now, off this thread, and not by waking the dispatcher: its round may
     * be busy with a batch of reminders, and a risk notice to the on-call clinician must not wait behind
     * them. Off this thread because the channel's ordered worker context must not
     * wait on the mailer (its first send queues a task on the caller's Vert.x context, behind this one,
     * and would only time out), nor on Keycloak. A failure loses nothing: the row stays PENDING and
     * the dispatcher sends it on its next round.
     */
    private void sendAtOnce(UUID noticeId) {
        try {
            executor.runAsync(() -> staffNotices.deliver(noticeId)).exceptionally(e -> {
                LOG.warnf("Staff notice %s left to the dispatcher: %s", noticeId, e.getClass().getName());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("Staff notice %s left to the dispatcher: %s", noticeId, e.getClass().getName());
        }
    }

    /** New reminders may be due at once (a booster within a week); the dispatcher looks now, not at its next poll. */
    private void dueSoon(int created) {
        if (created > 0) {
            dispatcher.wake();
        }
    }

    @Incoming(Topics.SESSIONS)
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onSessionsEvents(ConsumerRecords<String, String> records, IncomingKafkaRecordBatchMetadata<String, String> metadata) {
        events.each("EventConsumers.onSessionsEvent", records, metadata, this::onSessionsEvent);
    }

    private void onSessionsEvent(String json) {
        events.parse(json).ifPresent(e -> {
            switch (e.type()) {
                case MAINTENANCE_STARTED -> e.readablePayload(MaintenanceStarted.class)
                        .filter(p -> complete(e, p.clientId(), p.clinicId())).ifPresent(p -> {
                            int created = reminders.schedule(e.envelope().id(), p);
                            LOG.debugf("Event %s planned %d reminders", e.envelope().id(), created);
                            dueSoon(created);
                        });
                case MAINTENANCE_ENDED -> e.readablePayload(MaintenanceEnded.class)
                        .filter(p -> complete(e, p.clientId(), p.clinicId())).ifPresent(p -> {
                            int cancelled = reminders.cancel(e.envelope().id(), p);
                            LOG.debugf("Event %s cancelled %d reminders", e.envelope().id(), cancelled);
                        });
                case BOOSTER_SCHEDULE_CHANGED -> e.readablePayload(BoosterScheduleChanged.class)
                        .filter(p -> complete(e, p.episodeId(), p.clientId(), p.clinicId())).ifPresent(p -> {
                            int created = reminders.reschedule(e.envelope().id(), p);
                            LOG.debugf("Event %s planned %d reminders", e.envelope().id(), created);
                            dueSoon(created);
                        });
                case BOOSTER_RECORDED -> e.readablePayload(BoosterRecorded.class)
                        .filter(p -> complete(e, p.clientId(), p.clinicId(), p.boosterId()))
                        .flatMap(p -> reminders.recorded(e.envelope().id(), p))
                        .ifPresent(this::sendAtOnce);
                case CHECK_IN_DUE -> e.readablePayload(CheckInDue.class)
                        .filter(p -> complete(e, p.checkInId(), p.episodeId(), p.clientId(), p.clinicId()))
                        .ifPresent(p -> dueSoon(checkIns.due(e.envelope().id(), p) ? 1 : 0));
                case CHECK_INS_ENDED -> e.readablePayload(CheckInsEnded.class)
                        .filter(p -> complete(e, p.episodeId(), p.clientId(), p.clinicId())).ifPresent(p -> {
                            int cancelled = checkIns.ended(e.envelope().id(), p);
                            LOG.debugf("Event %s called off %d check-in messages", e.envelope().id(), cancelled);
                        });
                case CHECK_IN_FLAGGED -> e.readablePayload(CheckInFlagged.class)
                        .filter(p -> complete(e, p.checkInId(), p.clientId(), p.clinicId()))
                        .flatMap(p -> staffNotices.checkInFlagged(e.envelope().id(), p, e.envelope().time()))
                        .ifPresent(this::sendAtOnce);
                case APPOINTMENT_SCHEDULED -> e.readablePayload(AppointmentScheduled.class)
                        .filter(p -> complete(e, p.sessionId(), p.clientId(), p.clinicId())).ifPresent(p -> {
                            int created = appointments.scheduled(e.envelope().id(), p);
                            LOG.debugf("Event %s planned %d session reminders", e.envelope().id(), created);
                            dueSoon(created);
                        });
                case APPOINTMENT_CANCELLED -> e.readablePayload(AppointmentCancelled.class)
                        .filter(p -> complete(e, p.sessionId(), p.clientId(), p.clinicId())).ifPresent(p -> {
                            int cancelled = appointments.cancelled(e.envelope().id(), p);
                            LOG.debugf("Event %s called off %d session reminders", e.envelope().id(), cancelled);
                        });
                case APPOINTMENT_CANCEL_REQUESTED -> e.readablePayload(AppointmentCancelRequested.class)
                        .filter(p -> complete(e, p.sessionId(), p.clientId(), p.clinicId()))
                        .ifPresent(p -> appointments.cancelRequested(e.envelope().id(), p));
                default -> {
                }
            }
        });
    }

    @Incoming(Topics.REFERRALS)
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onReferralsEvents(ConsumerRecords<String, String> records, IncomingKafkaRecordBatchMetadata<String, String> metadata) {
        events.each("EventConsumers.onReferralsEvent", records, metadata, this::onReferralsEvent);
    }

    private void onReferralsEvent(String json) {
        events.parse(json).ifPresent(e -> {
            switch (e.type()) {
                case REFERRAL_SENT -> e.readablePayload(ReferralSent.class)
                        .filter(p -> complete(e, p.referralId(), p.clinicId(), p.organisationId()))
                        .ifPresent(p -> {
                            notices.record(e.envelope().id(), p);
                            dispatcher.wake();
                        });
                case REFERRAL_OVERDUE -> e.readablePayload(ReferralOverdue.class)
                        .filter(p -> complete(e, p.referralId(), p.clinicId()))
                        .flatMap(p -> staffNotices.overdue(e.envelope().id(), p))
                        .ifPresent(this::sendAtOnce);
                default -> {
                }
            }
        });
    }

    /**
     * An event without the ids we key on can never be stored; it is skipped like an unreadable one
     * instead of failing (and so stopping) the whole channel.
     */
    private static boolean complete(Received event, Object... required) {
        for (Object value : required) {
            if (value == null || value instanceof String s && s.isBlank()) {
                LOG.warnf("Skipped event %s (%s): a required id is missing", event.envelope().id(),
                        event.envelope().type());
                return false;
            }
        }
        return true;
    }
}
