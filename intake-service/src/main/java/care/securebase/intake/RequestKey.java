package care.securebase.intake;

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
 * An {@code Idempotency-Key} a write came with, what was asked (a hash) and what it made, so a
 * retry is answered with the first outcome and applied only once.
 */
@Entity
@Table(name = "request_key")
public class RequestKey extends PanacheEntityBase {

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "caller_id")
        public String callerId;
        @Column(name = "idempotency_key")
        public String key;

        protected Id() {
        }

        public Id(String callerId, String key) {
            this.callerId = callerId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && Objects.equals(callerId, other.callerId) && Objects.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(callerId, key);
        }
    }

    @EmbeddedId
    public Id id;
    public String operation;
    public String fingerprint;
    @Column(name = "resource_id")
    public UUID resourceId;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<RequestKey> of(String callerId, String key) {
        return findByIdOptional(new Id(callerId, key));
    }

    public static long forgetOlderThan(Instant before) {
        return delete("createdAt < ?1", before);
    }
}
