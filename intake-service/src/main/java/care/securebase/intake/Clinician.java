package care.securebase.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** A clinician as intake knows them: the clinic, how many clients they can carry, who is on call. */
@Entity
public class Clinician extends PanacheEntityBase {

    /** The Keycloak username, e.g. clara. */
    @Id
    public String id;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "caseload_limit")
    public int caseloadLimit;
    @Column(name = "on_call")
    public boolean onCall;
    public boolean active;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Clients assigned to this clinician now. */
    public long caseload() {
        // A plain query, not Panache's count(): that derives a fresh count query on every call, and
        // Hibernate translates it anew each time (a measurable share of an intake's CPU).
        return getEntityManager().createQuery(
                        "select count(*) from Client where clinicianId = ?1 and status = ?2", Long.class)
                .setParameter(1, id).setParameter(2, Client.Status.ASSIGNED).getSingleResult();
    }

    /** Free places on the caseload; an inactive clinician has none. */
    public long room() {
        return active ? Math.max(0, caseloadLimit - caseload()) : 0;
    }

    public boolean hasRoom() {
        return room() > 0;
    }

    public static java.util.Optional<Clinician> onCallAt(String clinicId) {
        return find("clinicId = ?1 and onCall = true and active = true", Sort.by("id"), clinicId).firstResultOptional();
    }

    public static List<Clinician> ofClinic(String clinicId) {
        return list("clinicId", Sort.by("id"), clinicId);
    }
}
