package care.securebase.notifications.service;

import care.securebase.events.EventType;
import care.securebase.events.ReferralSent;
import care.securebase.kit.outbox.Inbox;
import care.securebase.notifications.PartnerNotice;
import care.securebase.notifications.StaffNoticeKind;
import care.securebase.notifications.delivery.DeliveryConfig;
import care.securebase.notifications.delivery.DeliveryMetrics;
import care.securebase.notifications.delivery.DeliveryTracing;
import care.securebase.notifications.delivery.MailSender;
import care.securebase.notifications.mail.MailComposer;
import care.securebase.notifications.settings.SettingsService;
import care.securebase.tracing.StoredTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class NoticeService {

    private static final Logger LOG = Logger.getLogger(NoticeService.class);
    public static final String NO_NOTICE_ADDRESS = "no-notice-address";

    private final Inbox inbox;
    private final EntityManager em;
    private final Clock clock;
    private final DeliveryConfig delivery;
    private final MailComposer composer;
    private final MailSender sender;
    private final DeliveryMetrics metrics;
    private final SettingsService settings;
    private final DeliveryFailures failures;
    private final StaffNoticeService staffNotices;
    private final DeliveryTracing tracing;

    public NoticeService(Inbox inbox, EntityManager em, Clock clock, DeliveryConfig delivery, MailComposer composer,
                         MailSender sender, DeliveryMetrics metrics, SettingsService settings,
                         DeliveryFailures failures, StaffNoticeService staffNotices, DeliveryTracing tracing) {
        this.tracing = tracing;
        this.staffNotices = staffNotices;
        this.settings = settings;
        this.failures = failures;
        this.inbox = inbox;
        this.em = em;
        this.clock = clock;
        this.delivery = delivery;
        this.composer = composer;
        this.sender = sender;
        this.metrics = metrics;
    }

    /**
     * One notice per referral, even if referrals-service announces it again. The notice says only that a
     * referral awaits: the program a client is referred to can itself reveal a clinical need (version 3
     * of the event no longer carries it; version 2's program and the referrer are not kept).
     */
    public void record(UUID eventId, ReferralSent event) {
        if (!inbox.firstDelivery(eventId, EventType.REFERRAL_SENT.wireName())) {
            return;
        }
        Instant now = clock.instant();
        StoredTrace trace = StoredTrace.current();
        em.createNativeQuery("""
                insert into partner_notice (id, referral_id, clinic_id, client_id, organisation_id, notice_email, status,
                    next_attempt_at, attempts, created_at, traceparent, tracestate)
                values (:id, :referral, :clinic, :client, :org, :email, 'PENDING', :now, 0, :now, :traceparent, :tracestate)
                on conflict (referral_id) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("referral", event.referralId())
                .setParameter("clinic", event.clinicId())
                .setParameter("client", event.clientId())
                .setParameter("org", event.organisationId())
                .setParameter("email", event.noticeEmail())
                .setParameter("now", now)
                .setParameter("traceparent", trace.traceparent())
                .setParameter("tracestate", trace.tracestate())
                .executeUpdate();
        if (event.organisationId() != null) {
            staffNotices.tellOrganisation(StaffNoticeKind.REFERRAL_RECEIVED, event.referralId(), event.organisationId(),
                    event.clinicId());
        }
    }

    /** Partner notices, newest first; only clinic-admins call this (see the resource). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerNotice> list(int page, int size) {
        return PartnerNotice.newestFirst(page, size);
    }

    /** As {@link ReminderService#deliverDue}: one batch, sent together. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliverDue(int max) {
        Instant now = clock.instant();
        List<PartnerNotice> claimed = PartnerNotice.claimDue(now, max);
        MailSender.Batch mails = sender.batch();
        tracing.each("partner-notice", claimed, n -> n.id, (notice, attempt) -> settle(notice, now, mails, attempt),
                mails::send);
        return claimed.size();
    }

    private void settle(PartnerNotice notice, Instant now, MailSender.Batch mails, DeliveryTracing.Attempt attempt) {
        if (!notice.hasNoticeEmail()) {
            notice.skip(NO_NOTICE_ADDRESS);
            metrics.count("partner-notice", "skipped");
            LOG.infof("Partner notice %s skipped: %s", notice.id, NO_NOTICE_ADDRESS);
            return;
        }
        MailComposer.RenderedMail mail;
        try {
            mail = composer.partnerNotice(notice.referralId, notice.clinicId,
                    settings.of(notice.clinicId).defaultLanguage());
        } catch (RuntimeException e) {
            failed(notice, now, e); // as a failed send: retried, then given up
            return;
        }
        mails.add(notice.noticeEmail.strip(), mail, MailSender.messageId("partner-notice", notice.id),
                new MailSender.Outcome() {
                    @Override
                    public void sent() {
                        attempt.run(() -> {
                            notice.markSent(clock.instant());
                            metrics.count("partner-notice", "sent");
                            LOG.infof("Partner notice %s sent by e-mail", notice.id);
                        });
                    }

                    @Override
                    public void failed(Throwable failure) {
                        attempt.run(() -> NoticeService.this.failed(notice, now, failure));
                    }
                });
    }

    private void failed(PartnerNotice notice, Instant now, Throwable failure) {
        notice.failedAttempt(MailSender.reasonOf(failure), now, delivery.retry());
        metrics.failure("partner-notice", notice.reason, notice.nextAttemptAt == null);
        LOG.warnf("Partner notice %s not sent (attempt %d, %s)", notice.id, notice.attempts, notice.reason);
        if (notice.nextAttemptAt == null) {
            failures.report(notice.id, notice.clinicId, notice.clientId, "PARTNER_NOTICE", "EMAIL", notice.attempts);
        }
    }
}
