package care.securebase.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        return caseloads(List.of(id)).getOrDefault(id, 0L);
    }

    /** Clients assigned now to each of these clinicians, in one statement; one with none is left out. */
    public static Map<String, Long> caseloads(Collection<String> clinicianIds) {
        if (clinicianIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> caseloads = new HashMap<>();
        getEntityManager().createQuery("select c.clinicianId, count(c) from Client c where c.clinicianId in :ids"
                        + " and c.status = :assigned group by c.clinicianId", Object[].class)
                .setParameter("ids", clinicianIds).setParameter("assigned", Client.Status.ASSIGNED)
                .getResultList().forEach(row -> caseloads.put((String) row[0], (Long) row[1]));
        return caseloads;
    }

    /** Free places on the caseload; an inactive clinician has none. */
    public long room() {
        return roomWith(caseload());
    }

    /** Free places with this many clients assigned. */
    public long roomWith(long caseload) {
        return active ? Math.max(0, caseloadLimit - caseload) : 0;
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
