package care.securebase.referrals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@code Idempotency-Key} a status update on a referral came with, and where in the history that
 * update left the referral, so a retry is answered with the first outcome and applied only once.
 */
@Entity
@Table(name = "referral_request_key")
public class ReferralRequestKey extends PanacheEntityBase {

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "referral_id")
        public UUID referralId;
        @Column(name = "idempotency_key")
        public String key;

        protected Id() {
        }

        public Id(UUID referralId, String key) {
            this.referralId = referralId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && Objects.equals(referralId, other.referralId)
                    && Objects.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(referralId, key);
        }
    }

    @EmbeddedId
    public Id id;
    public String action;
    /** A hash of what was asked (action and note), to tell a retry from a different request. */
    public String fingerprint;
    @Column(name = "caller_id")
    public String callerId;
    @Column(name = "result_seq")
    public int resultSeq;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<ReferralRequestKey> of(UUID referralId, String key) {
        return findByIdOptional(new Id(referralId, key));
    }

    public boolean sameRequest(String action, String fingerprint, String callerId) {
        return this.action.equals(action) && this.fingerprint.equals(fingerprint) && this.callerId.equals(callerId);
    }

    public static long forgetOlderThan(Instant before) {
        return delete("createdAt < ?1", before);
    }
}
