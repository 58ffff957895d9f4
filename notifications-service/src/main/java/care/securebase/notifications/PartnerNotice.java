package care.securebase.notifications;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An e-mail telling a partner organisation that a referral awaits it in the portal. */
@Entity
@Table(name = "partner_notice")
public class PartnerNotice extends Delivery {

    @Id
    public UUID id;
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "notice_email")
    public String noticeEmail;
    @Column(name = "created_at")
    public Instant createdAt;

    public boolean hasNoticeEmail() {
        return noticeEmail != null && !noticeEmail.isBlank();
    }

    public static List<PartnerNotice> newestFirst(int page, int size) {
        return findAll(Sort.by("createdAt").descending().and("id")).page(Page.of(page, size)).list();
    }

    /** As {@link BoosterReminder#claimDue}. */
    @SuppressWarnings("unchecked")
    public static List<PartnerNotice> claimDue(Instant now, int max) {
        return getEntityManager().createNativeQuery("""
                select * from partner_notice where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id limit :max for update skip locked""", PartnerNotice.class)
                .setParameter("now", now)
                .setParameter("max", max)
                .getResultList();
    }
}
