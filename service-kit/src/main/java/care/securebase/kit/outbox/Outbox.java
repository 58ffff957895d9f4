package care.securebase.kit.outbox;

import care.securebase.events.DomainEvent;
import care.securebase.events.EventEnvelope;
import care.securebase.events.EventType;
import care.securebase.tracing.StoredTrace;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Records an event beside the state change that causes it; {@link OutboxRelay} publishes it.
 *
 * <p>The rows are written as the transaction commits, after taking a transaction-scoped advisory lock
 * on each subject they are about. Two transactions about one subject, on any replica, therefore number
 * their rows ({@code seq}) in the order they commit, and the relay, publishing committed rows by
 * {@code seq}, never sends a subject's later event before its earlier one.
 *
 * <p>Each row keeps the trace of the code that published it ({@link StoredTrace}: the request, or the
 * consumer of an earlier event), so the relay sends it within that trace and its consumers continue it.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final EntityManager em;

    public Outbox(ObjectMapper mapper, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
                  EntityManager em) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
        this.em = em;
    }

    /** Must join the caller's transaction: an event without its state change is a lie. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent payload) {
        EventType type = EventType.of(payload);
        UUID id = UUID.randomUUID();
        Instant createdAt = Instant.now();
        String json;
        try {
            json = mapper.writeValueAsString(EventEnvelope.wrap(payload, id, createdAt, mapper));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type.wireName() + " cannot be serialised", e);
        }
        pendingRows().add(new Row(id, type.topic(), payload.subject(), type.wireName(), json, createdAt,
                StoredTrace.current()));
        return id;
    }

    /** This transaction's rows, written when it commits; a rollback writes and wakes nothing. */
    private PendingRows pendingRows() {
        PendingRows rows = (PendingRows) transactions.getResource(PendingRows.class);
        if (rows == null) {
            rows = new PendingRows(em.unwrap(Session.class));
            transactions.putResource(PendingRows.class, rows);
            transactions.registerInterposedSynchronization(rows);
        }
        return rows;
    }

    private record Row(UUID id, String topic, String key, String type, String payload, Instant createdAt,
                       StoredTrace trace) {
        String subject() {
            return "outbox:" + topic + ":" + key;
        }
    }

    private final class PendingRows implements Synchronization {
        private final Session session;
        private final List<Row> rows = new ArrayList<>();

        PendingRows(Session session) {
            this.session = session;
        }

        void add(Row row) {
            rows.add(row);
        }

        @Override
        public void beforeCompletion() {
            // The transaction's own row locks first: waiting for a subject below then never closes a
            // cycle with a transaction that waits for one of our rows. Subjects in one fixed order, so two
            // transactions about the same subjects cannot wait for each other either.
            session.flush();
            TreeSet<String> subjects = new TreeSet<>();
            rows.forEach(row -> subjects.add(row.subject()));
            session.doWork(connection -> {
                try (PreparedStatement lock = connection.prepareStatement(
                        "select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                    for (String subject : subjects) {
                        lock.setString(1, subject);
                        lock.execute();
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into outbox_event (id, topic, event_key, type, payload, created_at,
                            traceparent, tracestate)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (Row row : rows) {
                        insert.setObject(1, row.id());
                        insert.setString(2, row.topic());
                        insert.setString(3, row.key());
                        insert.setString(4, row.type());
                        insert.setString(5, row.payload());
                        insert.setObject(6, OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC));
                        insert.setString(7, row.trace().traceparent());
                        insert.setString(8, row.trace().tracestate());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
