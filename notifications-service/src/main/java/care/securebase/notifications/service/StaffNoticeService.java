package care.securebase.notifications.service;

import care.securebase.events.CheckInFlagged;
import care.securebase.events.EventType;
import care.securebase.events.ReferralOverdue;
import care.securebase.events.RiskFlagRaised;
import care.securebase.kit.outbox.Inbox;
import care.securebase.notifications.StaffNotice;
import care.securebase.notifications.StaffNoticeKind;
import care.securebase.notifications.delivery.DeliveryConfig;
import care.securebase.notifications.delivery.DeliveryMetrics;
import care.securebase.notifications.delivery.DeliveryTracing;
import care.securebase.notifications.delivery.MailSender;
import care.securebase.notifications.delivery.OnCallRouting;
import care.securebase.notifications.mail.ClinicsConfig;
import care.securebase.notifications.mail.MailComposer;
import care.securebase.notifications.settings.SettingsService;
import care.securebase.notifications.staff.StaffDirectory;
import care.securebase.tracing.StoredTrace;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Notices to staff: recorded from events (on-call, missed appointment, overdue referral, check-in flags,
 * requests to cancel a session) or by this service (opt-outs, failed deliveries), shown in the
 * recipient's inbox, and the EMAIL ones mailed at once; quiet hours never apply to staff.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class StaffNoticeService {

    private static final Logger LOG = Logger.getLogger(StaffNoticeService.class);
    /** Keycloak could not be asked; counted as a failed attempt and retried like a failed send. */
    public static final String DIRECTORY_UNAVAILABLE = "staff-directory-unavailable";
    public static final String NOBODY_TO_TELL = "nobody-to-tell";

    private final Inbox inbox;
    private final EntityManager em;
    private final Clock clock;
    private final DeliveryConfig delivery;
    private final StaffDirectory directory;
    private final MailComposer composer;
    private final MailSender sender;
    private final DeliveryMetrics metrics;
    private final ClinicsConfig clinics;
    private final SettingsService settings;
    private final Instance<DeliveryFailures> failures;
    private final DeliveryTracing tracing;

    public StaffNoticeService(Inbox inbox, EntityManager em, Clock clock, DeliveryConfig delivery,
                              StaffDirectory directory, MailComposer composer, MailSender sender,
                              DeliveryMetrics metrics, ClinicsConfig clinics, SettingsService settings,
                              Instance<DeliveryFailures> failures, DeliveryTracing tracing) {
        this.inbox = inbox;
        this.em = em;
        this.clock = clock;
        this.delivery = delivery;
        this.directory = directory;
        this.composer = composer;
        this.sender = sender;
        this.metrics = metrics;
        this.clinics = clinics;
        this.settings = settings;
        this.failures = failures;
        this.tracing = tracing;
    }

    /**
     * Records what a risk flag calls for ({@link OnCallRouting#onFlag}). One notice per (kind, intake,
     * recipient), even if intake announces the same flag again in a new event.
     *
     * @return the id of a new notice that should be sent at once; empty when there is nothing to send
     */
    public Optional<UUID> record(UUID eventId, RiskFlagRaised event, Instant raisedAt) {
        if (!inbox.firstDelivery(eventId, EventType.RISK_FLAG_RAISED.wireName())) {
            return Optional.empty();
        }
        OnCallRouting.OnFlag decision = OnCallRouting.onFlag(event);
        if (decision instanceof OnCallRouting.TellOnCall tell) {
            return tell(StaffNoticeKind.ON_CALL_RISK, event.intakeId(), "", tell.staffId(), event.clinicId(),
                    event.clientId(), event.intakeId(), raisedAt);
        }
        if (decision instanceof OnCallRouting.NobodyOnCall) {
            if (insert(UUID.randomUUID(), StaffNoticeKind.ON_CALL_RISK, event.intakeId(), "", null, event.clinicId(),
                    event.clientId(), event.intakeId(), StaffNotice.EMAIL, "SKIPPED", OnCallRouting.NOBODY_ON_CALL,
                    raisedAt) == 1) {
                metrics.count("staff-notice", "skipped");
                metrics.onCallUnreached(OnCallRouting.NOBODY_ON_CALL);
                // The clinic id only: which client it was stays in the portal.
                LOG.warnf("A HIGH risk flag at clinic %s reached nobody: no clinician on call", event.clinicId());
            }
        }
        return Optional.empty();
    }

    /**
     * What a check-in's flag calls for: RISK reaches the clinic's on-call clinician at once, as an
     * intake's HIGH flag does ({@link OnCallRouting#onCheckInRisk}), and the client's clinician in their
     * inbox; the other kinds go to the clinician's inbox. One notice per (kind, check-in, recipient).
     *
     * @param raisedAt the flag's event time, from which the on-call latency is measured
     * @return the id of an on-call notice to send at once
     */
    public Optional<UUID> checkInFlagged(UUID eventId, CheckInFlagged event, Instant raisedAt) {
        if (!inbox.firstDelivery(eventId, EventType.CHECK_IN_FLAGGED.wireName())) {
            return Optional.empty();
        }
        Optional<StaffNoticeKind> kind = StaffNoticeKind.ofCheckInFlag(event.kind());
        if (kind.isEmpty()) {
            LOG.warnf("Check-in flag of a kind this service does not know (%s): no notice", event.kind());
            return Optional.empty();
        }
        Optional<UUID> atOnce = Optional.empty();
        String clinician = event.clinicianId() == null ? null : event.clinicianId().strip();
        if (kind.get() == StaffNoticeKind.CHECK_IN_RISK) {
            OnCallRouting.OnFlag decision = OnCallRouting.onCheckInRisk(event.onCallClinicianId());
            if (decision instanceof OnCallRouting.TellOnCall tell) {
                atOnce = tell(StaffNoticeKind.CHECK_IN_RISK, event.checkInId(), "", tell.staffId(), event.clinicId(),
                        event.clientId(), null, raisedAt);
                if (tell.staffId().equals(clinician)) {
                    return atOnce; // the on-call notice is in their inbox already
                }
            } else if (insert(UUID.randomUUID(), StaffNoticeKind.CHECK_IN_RISK, event.checkInId(), "", null,
                    event.clinicId(), event.clientId(), null, StaffNotice.EMAIL, "SKIPPED", OnCallRouting.NOBODY_ON_CALL,
                    raisedAt) == 1) {
                metrics.count("staff-notice", "skipped");
                metrics.onCallUnreached(OnCallRouting.NOBODY_ON_CALL);
                LOG.warnf("A check-in's risk flag at clinic %s reached nobody on call", event.clinicId());
            }
        }
        tellInbox(kind.get(), event.checkInId(), clinician, event.clinicId(), event.clientId());
        return atOnce;
    }

    /**
     * An inbox-only notice to one member of staff, once per (kind, subject, recipient). No recipient:
     * recorded as SKIPPED {@code nobody-to-tell}, so the gap shows in the log.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tellInbox(StaffNoticeKind kind, UUID subjectId, String recipient, String clinicId, UUID clientId) {
        if (recipient == null || recipient.isBlank()) {
            insert(UUID.randomUUID(), kind, subjectId, "", null, clinicId, clientId, null, StaffNotice.PORTAL, "SKIPPED",
                    NOBODY_TO_TELL, null);
            LOG.warnf("A %s notice at clinic %s reached nobody: no staff id in the event", kind, clinicId);
            return;
        }
        insert(UUID.randomUUID(), kind, subjectId, "", recipient.strip(), clinicId, clientId, null, StaffNotice.PORTAL,
                "SENT", null, null);
    }

    /** The referring coordinator hears of an overdue referral, once per referral and kind of lateness. */
    public Optional<UUID> overdue(UUID eventId, ReferralOverdue event) {
        if (!inbox.firstDelivery(eventId, EventType.REFERRAL_OVERDUE.wireName())) {
            return Optional.empty();
        }
        return tell(StaffNoticeKind.REFERRAL_OVERDUE, event.referralId(), event.kind() == null ? "" : event.kind(),
                event.coordinatorId(), event.clinicId(), event.clientId(), null);
    }

    /**
     * Records an e-mailed (and inbox) notice to one member of staff, once per (kind, subject, variant,
     * recipient). No recipient: recorded as SKIPPED {@code nobody-to-tell}, so the gap shows in the log.
     *
     * @return the new notice's id, to send at once; empty if it existed already or cannot be sent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> tell(StaffNoticeKind kind, UUID subjectId, String variant, String recipient,
                               String clinicId, UUID clientId, UUID intakeId) {
        return tell(kind, subjectId, variant, recipient, clinicId, clientId, intakeId, null);
    }

    private Optional<UUID> tell(StaffNoticeKind kind, UUID subjectId, String variant, String recipient,
                                String clinicId, UUID clientId, UUID intakeId, Instant raisedAt) {
        if (recipient == null || recipient.isBlank()) {
            if (insert(UUID.randomUUID(), kind, subjectId, variant, null, clinicId, clientId, intakeId, StaffNotice.EMAIL,
                    "SKIPPED", NOBODY_TO_TELL, raisedAt) == 1 && kind.onCall()) {
                metrics.onCallUnreached(NOBODY_TO_TELL);
            }
            LOG.warnf("A %s notice at clinic %s reached nobody: no staff id in the event", kind, clinicId);
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        return insert(id, kind, subjectId, variant, recipient.strip(), clinicId, clientId, intakeId, StaffNotice.EMAIL,
                "PENDING", null, raisedAt) == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * Who reads a notice addressed to a clinic's clinic-admins: it names the role, not people, so
     * whoever holds the role in Keycloak now sees it (no list of admins to keep in step here).
     */
    public static final String CLINIC_ADMINS = "role:clinic-admin";

    /** Who reads a notice addressed to a partner organisation: its social workers (and its partner systems). */
    public static String organisation(String organisationId) {
        return "org:" + organisationId;
    }

    /**
     * One inbox-only notice to a partner organisation's social workers, shared by them like the admins'
     * (no client id: the referral itself shows what was shared).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int tellOrganisation(StaffNoticeKind kind, UUID subjectId, String organisationId, String clinicId) {
        return insert(UUID.randomUUID(), kind, subjectId, "", organisation(organisationId), clinicId, null, null,
                StaffNotice.PORTAL, "SENT", null, null);
    }

    /**
     * One inbox-only notice to the clinic's clinic-admins, shared by them: when one marks it read it
     * is read for all, as one of them has it in hand.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int tellClinicAdmins(StaffNoticeKind kind, UUID subjectId, String variant, String clinicId, UUID clientId) {
        return insert(UUID.randomUUID(), kind, subjectId, variant, CLINIC_ADMINS, clinicId, clientId, null,
                StaffNotice.PORTAL, "SENT", null, null);
    }

    private int insert(UUID id, StaffNoticeKind kind, UUID subjectId, String variant, String recipient,
                       String clinicId, UUID clientId, UUID intakeId, String channel, String status, String reason,
                       Instant raisedAt) {
        Instant now = clock.instant();
        StoredTrace trace = StoredTrace.current();
        return em.createNativeQuery("""
                insert into staff_notice (id, kind, subject_id, variant, channel, intake_id, recipient, clinic_id,
                    client_id, status, next_attempt_at, attempts, sent_at, reason, created_at, raised_at,
                    traceparent, tracestate)
                values (:id, :kind, :subject, :variant, :channel, :intake, :recipient, :clinic, :client, :status,
                    :next, 0, :sent, :reason, :now, :raised, :traceparent, :tracestate)
                on conflict on constraint staff_notice_once do nothing""")
                .setParameter("id", id)
                .setParameter("kind", kind.name())
                .setParameter("subject", subjectId)
                .setParameter("variant", variant == null ? "" : variant)
                .setParameter("channel", channel)
                .setParameter("intake", intakeId)
                .setParameter("recipient", recipient)
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("status", status)
                .setParameter("next", "PENDING".equals(status) ? now : null)
                .setParameter("sent", "SENT".equals(status) ? now : null)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .setParameter("raised", raisedAt)
                .setParameter("traceparent", trace.traceparent())
                .setParameter("tracestate", trace.tracestate())
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
        return settle(StaffNotice.claim(id, now), now) > 0;
    }

    /** As {@link ReminderService#deliverDue}; picks up retries and anything not sent at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliverDue(int max) {
        Instant now = clock.instant();
        return settle(StaffNotice.claimDue(now, max), now);
    }

    private int settle(List<StaffNotice> notices, Instant now) {
        MailSender.Batch mails = sender.batch();
        tracing.each("staff-notice", notices, n -> n.id, (notice, attempt) -> attempt(notice, now, mails, attempt),
                mails::send);
        return notices.size();
    }

    private void attempt(StaffNotice notice, Instant now, MailSender.Batch mails, DeliveryTracing.Attempt attempt) {
        OnCallRouting.OnSend decision;
        try {
            decision = OnCallRouting.onSend(directory.emailOf(notice.recipient));
        } catch (StaffDirectory.Unavailable e) {
            failed(notice, DIRECTORY_UNAVAILABLE, now);
            LOG.warnf("Staff notice %s not sent (attempt %d, %s: %s)", notice.id, notice.attempts, notice.reason,
                    rootType(e));
            return;
        }
        if (decision instanceof OnCallRouting.Skip skip) {
            notice.skip(skip.reason());
            metrics.count("staff-notice", "skipped");
            if (notice.kind.onCall()) {
                metrics.onCallUnreached(skip.reason());
            }
            LOG.warnf("Staff notice %s skipped: %s", notice.id, skip.reason());
            return;
        }
        OnCallRouting.SendEmail email = (OnCallRouting.SendEmail) decision;
        UUID linkTo = notice.kind == StaffNoticeKind.REFERRAL_OVERDUE ? notice.subjectId : notice.clientId;
        MailComposer.RenderedMail mail;
        try {
            mail = composer.staffNotice(notice.kind, notice.clinicId, settings.of(notice.clinicId).defaultLanguage(),
                    linkTo);
        } catch (RuntimeException e) {
            failed(notice, MailSender.reasonOf(e), now); // as a failed send: retried, then given up
            LOG.warnf("Staff notice %s not sent (attempt %d, %s)", notice.id, notice.attempts, notice.reason);
            return;
        }
        mails.add(email.address(), mail, MailSender.messageId("staff-notice", notice.id),
                new MailSender.Outcome() {
                    @Override
                    public void sent() {
                        attempt.run(() -> {
                            notice.markSent(clock.instant());
                            metrics.count("staff-notice", "sent");
                            if (notice.kind.onCall()) {
                                metrics.onCallSent(notice.raisedAt != null ? notice.raisedAt : notice.createdAt,
                                        notice.sentAt);
                            }
                            LOG.infof("Staff notice %s sent by e-mail", notice.id);
                        });
                    }

                    @Override
                    public void failed(Throwable failure) {
                        attempt.run(() -> {
                            StaffNoticeService.this.failed(notice, MailSender.reasonOf(failure), now);
                            LOG.warnf("Staff notice %s not sent (attempt %d, %s)", notice.id, notice.attempts,
                                    notice.reason);
                        });
                    }
                });
    }

    private void failed(StaffNotice notice, String reason, Instant now) {
        notice.failedAttempt(reason, now, delivery.retry());
        metrics.failure("staff-notice", notice.reason, notice.nextAttemptAt == null);
        if (notice.nextAttemptAt == null) {
            if (notice.kind.onCall()) {
                metrics.onCallUnreached("gave-up");
            }
            failures.get().report(notice.id, notice.clinicId, notice.clientId, "STAFF_" + notice.kind.name(),
                    notice.channel, notice.attempts);
        }
    }

    // ---- the in-portal inbox: only ever the caller's own notices and their role's ----

    /**
     * The reader of an inbox: their staff id, the clinic they are a clinic-admin of, and the partner
     * organisation they work for, if any.
     */
    public record Reader(String id, String adminOfClinic, String organisationId) {
        String where() {
            String where = "recipient = :me";
            if (adminOfClinic != null) {
                where += " or (recipient = :admins and clinicId = :clinic)";
            }
            if (organisationId != null) {
                where += " or recipient = :org";
            }
            return "(" + where + ")";
        }

        Parameters parameters() {
            Parameters p = Parameters.with("me", id);
            if (adminOfClinic != null) {
                p.and("admins", CLINIC_ADMINS).and("clinic", adminOfClinic);
            }
            if (organisationId != null) {
                p.and("org", organisation(organisationId));
            }
            return p;
        }

        boolean reads(StaffNotice n) {
            return n.recipient != null && (n.recipient.equals(id)
                    || adminOfClinic != null && n.recipient.equals(CLINIC_ADMINS) && adminOfClinic.equals(n.clinicId)
                    || organisationId != null && n.recipient.equals(organisation(organisationId)));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffNotice> inbox(Reader reader, boolean unreadOnly, int page, int size) {
        return StaffNotice.<StaffNotice>find(reader.where() + (unreadOnly ? " and readAt is null" : "")
                        + " order by createdAt desc, id", reader.parameters())
                .page(Page.of(page, size)).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Reader reader, boolean unreadOnly) {
        return StaffNotice.count(reader.where() + (unreadOnly ? " and readAt is null" : ""), reader.parameters());
    }

    /** Another's notice (or none) is 404: whether it exists is not the caller's business. */
    public StaffNotice markRead(UUID id, Reader reader) {
        StaffNotice notice = StaffNotice.findById(id);
        if (notice == null || !reader.reads(notice)) {
            throw new NotFoundException("No such notice");
        }
        if (notice.readAt == null) {
            notice.readAt = clock.instant();
        }
        return notice;
    }

    public int markAllRead(Reader reader) {
        return StaffNotice.update("readAt = :now where " + reader.where() + " and readAt is null",
                reader.parameters().and("now", clock.instant()));
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
