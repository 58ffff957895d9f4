package care.securebase.referrals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's consent to share with one kind of partner (scope SHARE_&lt;kind&gt;), as intake-service
 * last announced it. Intake owns consent; this is the copy referrals are checked against.
 */
@Entity
@Table(name = "client_consent")
public class ClientConsent extends PanacheEntityBase {

    public static final String SHARE_PREFIX = "SHARE_";

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "client_id")
        public UUID clientId;
        public String scope;

        protected Id() {
        }

        public Id(UUID clientId, String scope) {
            this.clientId = clientId;
            this.scope = scope;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && Objects.equals(clientId, other.clientId) && Objects.equals(scope, other.scope);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, scope);
        }
    }

    @EmbeddedId
    public Id id;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "consent_id")
    public UUID consentId;
    public boolean granted;
    @Column(name = "effective_at")
    public Instant effectiveAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The consent scope that covers sharing with programs of this kind. */
    public static String scopeFor(Program.Kind kind) {
        return SHARE_PREFIX + kind.name();
    }

    /** The kind of partner a SHARE_ scope covers, if it is one this service knows. */
    public static Optional<Program.Kind> kindOf(String scope) {
        if (scope == null || !scope.startsWith(SHARE_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Program.Kind.valueOf(scope.substring(SHARE_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the client currently allows sharing with this kind of partner. Read with a share
     * lock: a revocation being applied at the same moment waits for this check's transaction, or
     * this check waits for the revocation, so a referral is never sent past a revocation.
     */
    public static boolean allowsSharing(UUID clientId, Program.Kind kind) {
        ClientConsent consent = findById(new Id(clientId, scopeFor(kind)), LockModeType.PESSIMISTIC_READ);
        return consent != null && consent.granted;
    }
}
