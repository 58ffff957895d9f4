package care.securebase.referrals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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

    /** Who may attend besides (or instead of) the client. */
    public enum Attendee { CLIENT, PARTNER, FAMILY, CAREGIVER }

    public enum Delivery {
        IN_PERSON, REMOTE, BOTH;

        public boolean remote() {
            return this != IN_PERSON;
        }

        public boolean inPerson() {
            return this != REMOTE;
        }
    }

    @Id
    public UUID id;
    @Column(name = "organisation_id")
    public String organisationId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String description;
    /** What the program offers, in a few words each (e.g. "benefits advice", "home visits"). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> services = new ArrayList<>();
    /** Eligible ages, inclusive; null is no limit. */
    @Column(name = "min_age")
    public Integer minAge;
    @Column(name = "max_age")
    public Integer maxAge;
    /** {@link Attendee} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> attendees = new ArrayList<>();
    /** Languages the program is offered in, as language tags (en, es, pt-BR). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();
    /** Where it is offered, as people there name it (a district, a town). */
    public String area;
    @Enumerated(EnumType.STRING)
    public Delivery delivery;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "accepting_referrals")
    public boolean acceptingReferrals;
    /** Places free now; null when the program does not say. */
    public Integer places;
    /** Weeks' wait for a place; null or 0 is no waitlist. */
    @Column(name = "waitlist_weeks")
    public Integer waitlistWeeks;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    /** What a directory search asks; null fields do not filter. */
    public record Criteria(Kind kind, String organisationId, String language, String area, Integer age,
                           Boolean accepting, Boolean remote, String text) {
    }

    public record Found(List<Program> programs, long total) {
    }

    /**
     * Programs matching every given criterion, by name. A language matches its regional variants
     * (es finds es-MX); area and text match case-insensitively anywhere in the field (text in the
     * name, description, services or organisation's name); age is within the eligible range;
     * remote=true finds programs that can be attended remotely, remote=false in person.
     */
    public static Found search(Criteria c, int page, int size) {
        StringBuilder where = new StringBuilder(" from program p join partner_organisation o on o.id = p.organisation_id where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (c.kind() != null) {
            where.append(" and p.kind = :kind");
            params.put("kind", c.kind().name());
        }
        if (c.organisationId() != null) {
            where.append(" and p.organisation_id = :org");
            params.put("org", c.organisationId());
        }
        if (c.language() != null) {
            where.append(" and exists (select 1 from unnest(p.languages) l"
                    + " where lower(l) = lower(:lang) or lower(l) like lower(:lang) || '-%')");
            params.put("lang", c.language());
        }
        if (c.area() != null) {
            where.append(" and p.area ilike :area escape '\\'");
            params.put("area", contains(c.area()));
        }
        if (c.age() != null) {
            where.append(" and (p.min_age is null or p.min_age <= :age) and (p.max_age is null or p.max_age >= :age)");
            params.put("age", c.age());
        }
        if (c.accepting() != null) {
            where.append(" and p.accepting_referrals = :accepting");
            params.put("accepting", c.accepting());
        }
        if (c.remote() != null) {
            where.append(c.remote() ? " and p.delivery in ('REMOTE', 'BOTH')" : " and p.delivery in ('IN_PERSON', 'BOTH')");
        }
        if (c.text() != null) {
            where.append(" and (p.name ilike :text escape '\\' or p.description ilike :text escape '\\'"
                    + " or o.name ilike :text escape '\\' or array_to_string(p.services, ' ') ilike :text escape '\\')");
            params.put("text", contains(c.text()));
        }
        var em = getEntityManager();
        Query count = em.createNativeQuery("select count(*)" + where, Long.class);
        Query select = em.createNativeQuery("select p.*" + where + " order by p.name, p.id limit :limit offset :offset",
                Program.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        select.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Program> programs = select.getResultList();
        return new Found(programs, ((Number) count.getSingleResult()).longValue());
    }

    private static String contains(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public static Map<UUID, Program> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Program.<Program>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
    }
}
