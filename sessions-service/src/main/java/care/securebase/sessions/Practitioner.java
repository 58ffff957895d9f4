package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/**
 * A clinician's standing in sessions-service: a trainee's signed notes wait for a supervisor's
 * co-signature; a supervisor co-signs and sees the clinic's whole caseload. Clinicians without a
 * record are fully qualified and not supervisors.
 */
@Entity
public class Practitioner extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "clinic_id")
    public String clinicId;
    public boolean trainee;
    public boolean supervisor;
    @Column(name = "supervisor_id")
    public String supervisorId;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<Practitioner> ofClinic(String clinicId) {
        return list("clinicId = ?1 order by id", clinicId);
    }

    public static boolean isTrainee(String id) {
        Practitioner p = findById(id);
        return p != null && p.trainee;
    }

    /** Whether {@code id} supervises at {@code clinicId}. */
    public static boolean isSupervisorAt(String id, String clinicId) {
        Practitioner p = findById(id);
        return p != null && p.supervisor && p.clinicId.equals(clinicId);
    }
}
