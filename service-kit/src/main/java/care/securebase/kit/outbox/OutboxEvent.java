package care.securebase.kit.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting to be published, written in the same transaction as the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    public String topic;
    @Column(name = "event_key")
    public String key;
    public String type;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** The trace of the transaction that wrote the row (W3C), null when it was not traced. */
    public String traceparent;
    public String tracestate;
}
