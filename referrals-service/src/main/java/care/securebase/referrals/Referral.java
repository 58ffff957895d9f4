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
import java.util.List;
import java.util.UUID;

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
    public String reason;
    /** What the client hopes for, in their own words. */
    public String hopes;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Column(name = "respond_by")
    public LocalDate respondBy;
    /** The minimum the clinic shares with the partner, as free text. */
    @Column(name = "shared_information")
    public String sharedInformation;
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

    /** Records the first status of a new referral (DRAFT or SENT). */
    public ReferralStep start(ReferralStatus first, String by, Instant at) {
        if (first != ReferralStatus.DRAFT && first != ReferralStatus.SENT) {
            throw new IllegalArgumentException("A referral starts as DRAFT or SENT, not " + first);
        }
        status = first;
        updatedAt = at;
        lastStep = 1;
        return ReferralStep.record(this, lastStep, null, first, ReferralStatus.Party.CLINIC, by, at, null);
    }

    /**
     * Moves the referral on, or refuses: an illegal move is a conflict (409), a decline without a
     * reason or a completion without an outcome is bad input naming that field (400).
     */
    public ReferralStep moveTo(ReferralStatus target, ReferralStatus.Party party, String by, String note, Instant at) {
        status.checkMoveTo(target);
        String field = target.requiredNote();
        if (field != null && (note == null || note.isBlank())) {
            throw new InvalidFieldException(field, "is required to move a referral to " + target);
        }
        ReferralStatus from = status;
        status = target;
        updatedAt = at;
        lastStep++;
        return ReferralStep.record(this, lastStep, from, target, party, by, at,
                note == null || note.isBlank() ? null : note.strip());
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
}
