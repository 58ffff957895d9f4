package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One read of a clinical record (a note, a safety plan): who, when, which record, which client. */
@Entity
@Table(name = "note_access")
public class RecordAccess extends PanacheEntityBase {

    public enum Kind { NOTE, SAFETY_PLAN, CHECK_IN }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "record_kind")
    public Kind recordKind;
    @Column(name = "record_id")
    public UUID recordId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "staff_id")
    public String staffId;
    @Column(name = "accessed_at")
    public Instant accessedAt;

    public static void record(Kind kind, UUID recordId, UUID clientId, String clinicId, String staffId, Instant at) {
        RecordAccess a = new RecordAccess();
        a.id = UUID.randomUUID();
        a.recordKind = kind;
        a.recordId = recordId;
        a.clientId = clientId;
        a.clinicId = clinicId;
        a.staffId = staffId;
        a.accessedAt = at;
        a.persist();
    }
}
