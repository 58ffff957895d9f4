package care.securebase.notifications.service;

import care.securebase.events.EventType;
import care.securebase.events.RiskFlagRaised;
import care.securebase.kit.outbox.Inbox;
import care.securebase.notifications.StaffNotice;
import care.securebase.notifications.StaffNoticeKind;
import care.securebase.notifications.delivery.DeliveryConfig;
import care.securebase.notifications.delivery.DeliveryMetrics;
import care.securebase.notifications.delivery.MailSender;
import care.securebase.notifications.delivery.OnCallRouting;
import care.securebase.notifications.mail.MailComposer;
import care.securebase.notifications.staff.StaffDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class StaffNoticeService {

    private static final Logger LOG = Logger.getLogger(StaffNoticeService.class);
    /** Keycloak could not be asked; counted as a failed attempt and retried like a failed send. */
    public static final String DIRECTORY_UNAVAILABLE = "staff-directory-unavailable";

    private final Inbox inbox;
    private final EntityManager em;
    private final Clock clock;
    private final DeliveryConfig delivery;
    private final StaffDirectory directory;
    private final MailComposer composer;
    private final MailSender sender;
    private final DeliveryMetrics metrics;

    public StaffNoticeService(Inbox inbox, EntityManager em, Clock clock, DeliveryConfig delivery,
                              StaffDirectory directory, MailComposer composer, MailSender sender,
                              DeliveryMetrics metrics) {
        this.inbox = inbox;
        this.em = em;
        this.clock = clock;
        this.delivery = delivery;
        this.directory = directory;
        this.composer = composer;
        this.sender = sender;
        this.metrics = metrics;
    }

    /**
     * Records what a risk flag calls for ({@link OnCallRouting#onFlag}). One notice per (kind, intake,
     * recipient), even if intake announces the same flag again in a new event.
     *
     * @return the id of a new notice that should be sent at once; empty when there is nothing to send
     */
    public Optional<UUID> record(UUID eventId, RiskFlagRaised event) {
        if (!inbox.firstDelivery(eventId, EventType.RISK_FLAG_RAISED.wireName())) {
            return Optional.empty();
        }
        OnCallRouting.OnFlag decision = OnCallRouting.onFlag(event);
        if (decision instanceof OnCallRouting.TellOnCall tell) {
            UUID id = UUID.randomUUID();
            return insert(id, event, tell.staffId(), "PENDING", null) == 1 ? Optional.of(id) : Optional.empty();
        }
        if (decision instanceof OnCallRouting.NobodyOnCall) {
            if (insert(UUID.randomUUID(), event, null, "SKIPPED", OnCallRouting.NOBODY_ON_CALL) == 1) {
                metrics.count("staff-notice", "skipped");
                // The clinic id only: which client it was stays in the portal.
                LOG.warnf("A HIGH risk flag at clinic %s reached nobody: no clinician on call", event.clinicId());
            }
        }
        return Optional.empty();
    }

    private int insert(UUID id, RiskFlagRaised event, String recipient, String status, String reason) {
        Instant now = clock.instant();
        return em.createNativeQuery("""
                insert into staff_notice (id, kind, intake_id, recipient, clinic_id, client_id, status,
                    next_attempt_at, attempts, reason, created_at)
                values (:id, :kind, :intake, :recipient, :clinic, :client, :status, :next, 0, :reason, :now)
                on conflict on constraint staff_notice_once do nothing""")
                .setParameter("id", id)
                .setParameter("kind", StaffNoticeKind.ON_CALL_RISK.name())
                .setParameter("intake", event.intakeId())
                .setParameter("recipient", recipient)
                .setParameter("clinic", event.clinicId())
                .setParameter("client", event.clientId())
                .setParameter("status", status)
                .setParameter("next", "PENDING".equals(status) ? now : null)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Sends a just-recorded notice now, not at the dispatcher's next round. If the dispatcher got to
     * it first (locked or already settled), nothing happens.
     *
     * @return false when the notice was not there to send
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deliver(UUID id) {
        Instant now = clock.instant();
        return StaffNotice.claim(id, now).map(n -> settle(n, now)).orElse(false);
    }

    /** As {@link ReminderService#deliverNextDue()}; picks up retries and anything not sent at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deliverNextDue() {
        Instant now = clock.instant();
        return StaffNotice.claimNextDue(now).map(n -> settle(n, now)).orElse(false);
    }

    private boolean settle(StaffNotice notice, Instant now) {
        OnCallRouting.OnSend decision;
        try {
            decision = OnCallRouting.onSend(directory.emailOf(notice.recipient));
        } catch (StaffDirectory.Unavailable e) {
            notice.failedAttempt(DIRECTORY_UNAVAILABLE, now, delivery.retry());
            metrics.count("staff-notice", notice.nextAttemptAt == null ? "failed" : "retry");
            LOG.warnf("Staff notice %s not sent (attempt %d, %s: %s)", notice.id, notice.attempts, notice.reason,
                    rootType(e));
            return true;
        }
        if (decision instanceof OnCallRouting.Skip skip) {
            notice.skip(skip.reason());
            metrics.count("staff-notice", "skipped");
            LOG.warnf("Staff notice %s skipped: %s", notice.id, skip.reason());
            return true;
        }
        OnCallRouting.SendEmail email = (OnCallRouting.SendEmail) decision;
        try {
            sender.send(email.address(), composer.onCallRisk(notice.clinicId, notice.clientId));
            notice.markSent(clock.instant());
            metrics.count("staff-notice", "sent");
            LOG.infof("Staff notice %s sent by e-mail", notice.id);
        } catch (RuntimeException e) {
            notice.failedAttempt(MailSender.reasonOf(e), now, delivery.retry());
            metrics.count("staff-notice", notice.nextAttemptAt == null ? "failed" : "retry");
            LOG.warnf("Staff notice %s not sent (attempt %d, %s)", notice.id, notice.attempts, notice.reason);
        }
        return true;
    }

    /** The root cause's type only; messages can echo addresses or tokens. */
    private static String rootType(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
