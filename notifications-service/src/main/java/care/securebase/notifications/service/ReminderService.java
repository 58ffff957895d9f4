package care.securebase.notifications.service;

import care.securebase.events.EventType;
import care.securebase.events.MaintenanceEnded;
import care.securebase.events.MaintenanceStarted;
import care.securebase.kit.outbox.Inbox;
import care.securebase.kit.security.Caller;
import care.securebase.notifications.BoosterReminder;
import care.securebase.notifications.ClientContact;
import care.securebase.notifications.ContactChannel;
import care.securebase.notifications.delivery.DeliveryConfig;
import care.securebase.notifications.delivery.DeliveryMetrics;
import care.securebase.notifications.delivery.MailSender;
import care.securebase.notifications.delivery.ReminderRouting;
import care.securebase.notifications.mail.MailComposer;
import care.securebase.notifications.scheduling.ReminderSchedule;
import care.securebase.notifications.scheduling.RemindersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ReminderService {

    private static final Logger LOG = Logger.getLogger(ReminderService.class);

    private final Inbox inbox;
    private final EntityManager em;
    private final Clock clock;
    private final RemindersConfig reminders;
    private final DeliveryConfig delivery;
    private final MailComposer composer;
    private final MailSender sender;
    private final DeliveryMetrics metrics;
    private final Caller caller;

    public ReminderService(Inbox inbox, EntityManager em, Clock clock, RemindersConfig reminders,
                           DeliveryConfig delivery, MailComposer composer, MailSender sender,
                           DeliveryMetrics metrics, Caller caller) {
        this.inbox = inbox;
        this.em = em;
        this.clock = clock;
        this.reminders = reminders;
        this.delivery = delivery;
        this.composer = composer;
        this.sender = sender;
        this.metrics = metrics;
        this.caller = caller;
    }

    /**
     * Plans the reminders of a maintenance plan's boosters. The unique (booster, lead time) key
     * makes a booster announced again (a new event about the same plan) add nothing twice.
     *
     * @return how many reminders were created
     */
    public int schedule(UUID eventId, MaintenanceStarted event) {
        if (!inbox.firstDelivery(eventId, EventType.MAINTENANCE_STARTED.wireName())) {
            return 0;
        }
        Instant now = clock.instant();
        int created = 0;
        for (ReminderSchedule.Planned planned : ReminderSchedule.plan(event.boosters(), reminders.leadTimes(), now)) {
            created += em.createNativeQuery("""
                    insert into booster_reminder (id, booster_id, lead_time, client_id, clinic_id, episode_id,
                        appointment_at, send_at, status, next_attempt_at, attempts, created_at)
                    values (:id, :booster, :lead, :client, :clinic, :episode, :appointment, :sendAt, 'PENDING',
                        :sendAt, 0, :now)
                    on conflict (booster_id, lead_time) do nothing""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("booster", planned.boosterId())
                    .setParameter("lead", planned.leadTimeLabel())
                    .setParameter("client", event.clientId())
                    .setParameter("clinic", event.clinicId())
                    .setParameter("episode", event.episodeId())
                    .setParameter("appointment", planned.appointmentAt())
                    .setParameter("sendAt", planned.sendAt())
                    .setParameter("now", now)
                    .executeUpdate();
        }
        return created;
    }

    /**
     * Calls off the reminders of boosters that will not happen (the episode left maintenance).
     * Reminders already sent stay in the log as they were.
     *
     * @return how many pending reminders were cancelled
     */
    public int cancel(UUID eventId, MaintenanceEnded event) {
        if (!inbox.firstDelivery(eventId, EventType.MAINTENANCE_ENDED.wireName())
                || event.cancelledBoosterIds() == null || event.cancelledBoosterIds().isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                update booster_reminder set status = 'CANCELLED', reason = 'booster-called-off', next_attempt_at = null
                where booster_id in (:boosters) and status = 'PENDING'""")
                .setParameter("boosters", event.cancelledBoosterIds())
                .executeUpdate();
    }

    /** A client's reminders, oldest first; another clinic's client has none (answered like an unknown one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BoosterReminder> ofClient(UUID clientId) {
        return BoosterReminder.ofClient(clientId).stream().filter(r -> caller.canSeeClinic(r.clinicId)).toList();
    }

    /**
     * Claims one due reminder and settles it. The reminder is marked SENT in the same transaction,
     * right after the SMTP server accepted it, so a later round never sends it again.
     *
     * @return false when nothing is due
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deliverNextDue() {
        Instant now = clock.instant();
        Optional<BoosterReminder> claimed = BoosterReminder.claimNextDue(now);
        if (claimed.isEmpty()) {
            return false;
        }
        BoosterReminder reminder = claimed.get();
        ClientContact contact = ClientContact.findById(reminder.clientId);
        ReminderRouting.Decision decision = ReminderRouting.decide(reminder, contact, now, delivery.retryDelay());
        if (decision instanceof ReminderRouting.SendEmail email) {
            reminder.channel = ContactChannel.EMAIL;
            try {
                sender.send(email.address(), composer.boosterReminder(contact.preferredName, reminder.appointmentAt,
                        contact.timeZone, contact.language, reminder.clinicId));
                reminder.markSent(clock.instant());
                metrics.count("booster-reminder", "sent");
                LOG.infof("Reminder %s sent by e-mail", reminder.id);
            } catch (RuntimeException e) {
                reminder.failedAttempt(MailSender.reasonOf(e), now, delivery.retry());
                metrics.count("booster-reminder", reminder.nextAttemptAt == null ? "failed" : "retry");
                LOG.warnf("Reminder %s not sent (attempt %d, %s)", reminder.id, reminder.attempts, reminder.reason);
            }
        } else if (decision instanceof ReminderRouting.Skip skip) {
            reminder.channel = skip.channel();
            reminder.skip(skip.reason());
            metrics.count("booster-reminder", "skipped");
            LOG.infof("Reminder %s skipped: %s", reminder.id, skip.reason());
        } else if (decision instanceof ReminderRouting.Defer defer) {
            reminder.defer(defer.until(), defer.reason());
            metrics.count("booster-reminder", "deferred");
        }
        return true;
    }
}
