package care.securebase.kit.outbox;

import care.securebase.events.DomainEvent;
import care.securebase.events.EventEnvelope;
import care.securebase.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Records an event beside the state change that causes it; {@link OutboxRelay} publishes it. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(ObjectMapper mapper, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Must join the caller's transaction: an event without its state change is a lie. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent payload) {
        EventType type = EventType.of(payload);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.createdAt = Instant.now();
        row.topic = type.topic();
        row.key = payload.subject();
        row.type = type.wireName();
        try {
            row.payload = mapper.writeValueAsString(EventEnvelope.wrap(payload, row.id, row.createdAt, mapper));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type.wireName() + " cannot be serialised", e);
        }
        row.persist();
        wakeRelayAfterCommit();
        return row.id;
    }

    /** Once per transaction, however many events it records; a rollback wakes nobody. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(Outbox.class) != null) {
            return;
        }
        transactions.putResource(Outbox.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
