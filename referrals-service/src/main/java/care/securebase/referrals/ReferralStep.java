package care.securebase.referrals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** One status a referral reached: who moved it, when, and why (a decline's reason, an outcome). */
@Entity
@Table(name = "referral_step")
public class ReferralStep extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "referral_id")
    public UUID referralId;
    /** 1, 2, 3 ... per referral; the highest is the current status. */
    public int seq;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    @Enumerated(EnumType.STRING)
    public ReferralStatus.Party party;
    @Column(name = "by_id")
    public String by;
    public Instant at;
    public String note;
    /** The coded reason (decline, cancellation, expiry) or outcome (completion) of this step. */
    public String code;
    @Column(name = "scheduled_for")
    public java.time.LocalDate scheduledFor;

    static ReferralStep record(Referral referral, int seq, ReferralStatus from, ReferralStatus to,
                               ReferralStatus.Party party, String by, Instant at, Referral.Details details) {
        ReferralStep step = new ReferralStep();
        step.id = UUID.randomUUID();
        step.referralId = referral.id;
        step.seq = seq;
        step.fromStatus = from;
        step.status = to;
        step.party = party;
        step.by = by;
        step.at = at;
        step.note = details.note() == null || details.note().isBlank() ? null : details.note().strip();
        step.code = details.code() == null || details.code().isBlank() ? null : details.code();
        step.scheduledFor = to == ReferralStatus.SCHEDULED ? details.date() : null;
        return step;
    }

    public static List<ReferralStep> historyOf(UUID referralId) {
        return list("referralId", Sort.by("seq"), referralId);
    }

    public static Map<UUID, List<ReferralStep>> historiesOf(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return Map.of();
        }
        // A referral's steps come in one batch, in order.
        return InBatches.list(referralIds, batch -> ReferralStep.<ReferralStep>list("referralId in ?1", Sort.by("seq"), batch))
                .stream().collect(Collectors.groupingBy(s -> s.referralId));
    }
}
