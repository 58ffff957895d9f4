package care.securebase.referrals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A community resource: a program a partner organisation runs and clients can be referred to. */
@Entity
public class Program extends PanacheEntityBase {

    public enum Kind {
        SOCIAL_WORK, SUPPORT_GROUP, PARENTING_PROGRAM, PRIMARY_CARE, SCHOOL, HOUSING, CRISIS_SERVICE
    }

    @Id
    public UUID id;
    @Column(name = "organisation_id")
    public String organisationId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** Languages the program is offered in, as language tags (en, es, pt-BR). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();
    /** Where it is offered, as people there name it (a district, a town). */
    public String area;
    public boolean remote;
    @Column(name = "accepting_referrals")
    public boolean acceptingReferrals;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Programs by name, optionally of one kind and/or one organisation. */
    public static List<Program> search(Kind kind, String organisationId, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (organisationId != null) {
            where.add("organisationId = :org");
            params.and("org", organisationId);
        }
        Sort sort = Sort.by("name").and("id");
        PanacheQuery<Program> query = where.isEmpty() ? findAll(sort)
                : find(String.join(" and ", where), sort, params);
        return query.page(Page.of(page, size)).list();
    }

    public static Map<UUID, Program> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Program.<Program>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
    }
}
