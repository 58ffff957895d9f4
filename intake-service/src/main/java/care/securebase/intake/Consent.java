package care.securebase.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a client, or a minor's guardian, agreed to or refused, on which version of the consent form.
 * Records are never rewritten: a newer one for the scope supersedes, a revocation ends one.
 */
@Entity
public class Consent extends PanacheEntityBase {

    /** TREATMENT, sharing with a kind of partner (SHARE_*), or being contacted by a channel (CONTACT_*). */
    public enum Scope {
        TREATMENT, SHARE_SOCIAL_WORK, SHARE_SUPPORT_GROUP, SHARE_PARENTING_PROGRAM, SHARE_PRIMARY_CARE,
        SHARE_SCHOOL, SHARE_HOUSING, SHARE_CRISIS_SERVICE, CONTACT_EMAIL, CONTACT_SMS
    }

    public enum RecordedFor { CLIENT, GUARDIAN }

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Enumerated(EnumType.STRING)
    public Scope scope;
    public boolean granted;
    @Enumerated(EnumType.STRING)
    @Column(name = "recorded_for")
    public RecordedFor recordedFor;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "form_version")
    public String formVersion;
    @Column(name = "superseded_by")
    public UUID supersededBy;
    @Column(name = "superseded_at")
    public Instant supersededAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    /** Free text: stays here, never in events or logs. */
    @Column(name = "revoke_reason")
    public String revokeReason;

    /** In force: neither superseded nor revoked. */
    public boolean current() {
        return supersededAt == null && revokedAt == null;
    }

    public static Optional<Consent> currentFor(UUID clientId, Scope scope) {
        return find("clientId = ?1 and scope = ?2 and supersededAt is null and revokedAt is null", clientId, scope)
                .firstResultOptional();
    }

    public static List<Consent> historyOf(UUID clientId) {
        return list("clientId", Sort.by("recordedAt").descending().and("id"), clientId);
    }
}
