package care.securebase.referrals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A community organisation clients are referred to. Its id is the slug its social workers and
 * systems carry as {@code org_id} in their tokens.
 */
@Entity
@Table(name = "partner_organisation")
public class PartnerOrganisation extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    /** The organisation's intake mailbox, where referral notices go. */
    @Column(name = "notice_email")
    public String noticeEmail;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<PartnerOrganisation> listByName() {
        return listAll(Sort.by("name").and("id"));
    }

    public static Map<String, PartnerOrganisation> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return PartnerOrganisation.<PartnerOrganisation>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
    }
}
