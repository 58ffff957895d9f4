package care.securebase.referrals;

import care.securebase.kit.problem.InvalidFieldException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A client referred by a clinic to a partner's program. Status changes go through
 * {@link #moveTo} only, so every one of them is checked against the life cycle and recorded as a
 * {@link ReferralStep}.
 */
@Entity
public class Referral extends PanacheEntityBase {

    public enum Urgency { ROUTINE, SOON, URGENT }

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "program_id")
    public UUID programId;
    /** Copied from the program when the referral is made: whom it was addressed to does not change. */
    @Column(name = "organisation_id")
    public String organisationId;
    /** Copied from the program too: the client's consent for this kind of partner (SHARE_<kind>) applies. */
    @Enumerated(EnumType.STRING)
    @Column(name = "program_kind")
    public Program.Kind programKind;
    public String reason;
    /** What the client hopes for, in their own words. */
    public String hopes;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Column(name = "respond_by")
    public LocalDate respondBy;
    /** A note the clinic writes for the partner; it always travels with the referral. */
    @Column(name = "shared_information")
    public String sharedInformation;
    /** What else the partner may see, chosen by the clinic; nothing else ever reaches the partner. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "shared_items")
    public List<String> sharedItems = new ArrayList<>();
    /** The client's details as they were when the referral was sent, only those chosen to be shared. */
    @Column(name = "shared_name")
    public String sharedName;
    @Column(name = "shared_email")
    public String sharedEmail;
    @Column(name = "shared_phone")
    public String sharedPhone;
    @Column(name = "shared_language")
    public String sharedLanguage;
    /** Who sent it: the coordinator whom overdue flags go to. */
    @Column(name = "referred_by")
    public String referredBy;
    /** The partner's appointment date while SCHEDULED (kept afterwards as the last one set). */
    @Column(name = "scheduled_for")
    public LocalDate scheduledFor;
    /** When the UNANSWERED / NOT_STARTED overdue event went out; each is announced once. */
    @Column(name = "unanswered_notified_at")
    public Instant unansweredNotifiedAt;
    @Column(name = "not_started_notified_at")
    public Instant notStartedNotifiedAt;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    /** The seq of the latest {@link ReferralStep}. */
    @Column(name = "last_step")
    public int lastStep;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** What comes with a move: a coded reason or outcome, free text, a date. */
    public record Details(String code, String note, LocalDate date) {
        public static final Details NONE = new Details(null, null, null);

        public static Details code(String code) {
            return new Details(code, null, null);
        }
    }

    /** Records the first status of a new referral (DRAFT or SENT). */
    public ReferralStep start(ReferralStatus first, String by, Instant at) {
        if (first != ReferralStatus.DRAFT && first != ReferralStatus.SENT) {
            throw new IllegalArgumentException("A referral starts as DRAFT or SENT, not " + first);
        }
        status = first;
        updatedAt = at;
        lastStep = 1;
        return ReferralStep.record(this, lastStep, null, first, ReferralStatus.Party.CLINIC, by, at, Details.NONE);
    }

    /**
     * Moves the referral on, or refuses: an illegal move is a conflict (409); a decline without a
     * reason, a completion without an outcome or a scheduling without a date is bad input naming
     * that field (400).
     */
    public ReferralStep moveTo(ReferralStatus target, ReferralStatus.Party party, String by, Details details,
                               Instant at) {
        status.checkMoveTo(target);
        Details given = details == null ? Details.NONE : details;
        String field = target.requiredField();
        boolean missing = switch (target) {
            case SCHEDULED -> given.date() == null;
            case DECLINED, COMPLETED -> given.code() == null || given.code().isBlank();
            default -> false;
        };
        if (field != null && missing) {
            throw new InvalidFieldException(field, "is required to move a referral to " + target);
        }
        ReferralStatus from = status;
        status = target;
        updatedAt = at;
        if (target == ReferralStatus.SCHEDULED) {
            scheduledFor = given.date();
        }
        lastStep++;
        return ReferralStep.record(this, lastStep, from, target, party, by, at, given);
    }

    /** Whether the partner may be shown this item. */
    public boolean shares(ReferralCodes.SharedItem item) {
        return sharedItems.contains(item.name());
    }

    /**
     * Forgets the client's details copied for the partner: once consent to share is withdrawn the
     * partner must not keep seeing them here.
     */
    public void forgetSharedClientDetails() {
        sharedName = null;
        sharedEmail = null;
        sharedPhone = null;
        sharedLanguage = null;
    }

    /** Referrals of one clinic, newest first, optionally of one status and/or one client. */
    public static List<Referral> ofClinic(String clinicId, ReferralStatus status, UUID clientId, int page, int size) {
        StringBuilder where = new StringBuilder("clinicId = :clinic");
        Parameters params = Parameters.with("clinic", clinicId);
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (clientId != null) {
            where.append(" and clientId = :client");
            params.and("client", clientId);
        }
        return find(where.toString(), Sort.by("createdAt").descending().and("id"), params)
                .page(Page.of(page, size)).list();
    }

    /** Referrals addressed to one organisation, newest first; drafts never left the clinic. */
    public static List<Referral> toOrganisation(String organisationId, ReferralStatus status, int page, int size) {
        StringBuilder where = new StringBuilder("organisationId = :org and status <> :draft");
        Parameters params = Parameters.with("org", organisationId).and("draft", ReferralStatus.DRAFT);
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        return find(where.toString(), Sort.by("createdAt").descending().and("id"), params)
                .page(Page.of(page, size)).list();
    }

    /** The clinic's open referrals (for the board). */
    public static List<Referral> openOfClinic(String clinicId) {
        return list("clinicId = ?1 and status in ?2", Sort.by("respondBy").and("createdAt").and("id"), clinicId,
                ReferralStatus.OPEN);
    }

    /** The client's referrals of one kind of partner in the given statuses, locked for a change. */
    public static List<Referral> ofClientAndKind(UUID clientId, Program.Kind kind,
                                                 java.util.Collection<ReferralStatus> statuses) {
        return find("clientId = ?1 and programKind = ?2 and status in ?3", Sort.by("createdAt").and("id"),
                clientId, kind, statuses)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Ids of referrals in these statuses whose respond-by date is before {@code day}. */
    public static List<UUID> idsRespondByBefore(java.util.Collection<ReferralStatus> statuses, LocalDate day) {
        return getEntityManager().createQuery(
                        "select r.id from Referral r where r.status in :statuses and r.respondBy < :day order by r.respondBy",
                        UUID.class)
                .setParameter("statuses", statuses).setParameter("day", day).getResultList();
    }

    /** Ids of referrals in this status since before {@code at}. */
    public static List<UUID> idsInStatusSince(ReferralStatus status, Instant at) {
        return getEntityManager().createQuery(
                        "select r.id from Referral r where r.status = :status and r.updatedAt < :at order by r.updatedAt",
                        UUID.class)
                .setParameter("status", status).setParameter("at", at).getResultList();
    }
}
