package care.securebase.sessions.service;

import care.securebase.sessions.ClinicSettings;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Flag;
import care.securebase.sessions.NoteStatus;
import care.securebase.sessions.OverdueNotes;
import care.securebase.sessions.Phase;
import care.securebase.sessions.SessionStatus;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Each clinician's current clients at a glance: phase, next session, overdue notes, open flags. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseloadService {

    private final Staff staff;
    private final Clock clock;

    public CaseloadService(Staff staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    public record Row(Episode episode, Instant nextSession, Instant nextBooster, long overdueNotes,
                      Map<Flag.Kind, Long> openFlags) {
    }

    /**
     * Clinicians see their own caseload; supervisors and clinic-admins any clinician's of their
     * clinic, or the whole clinic's.
     */
    public List<Row> caseload(String clinicianId) {
        String clinic = staff.clinic();
        String clinician = clinicianId;
        if (!staff.seesWholeClinic()) {
            if (clinicianId != null && !clinicianId.equals(staff.id())) {
                throw new ForbiddenException("Clinicians see their own caseload; supervisors see the clinic's");
            }
            clinician = staff.id();
        }
        String q = "clinicId = :clinic and phase <> :discharged";
        Parameters p = Parameters.with("clinic", clinic).and("discharged", Phase.DISCHARGED);
        if (clinician != null) {
            q += " and clinicianId = :clinician";
            p.and("clinician", clinician);
        }
        List<Episode> episodes = Episode.list(q, Sort.by("clinicianId").and("openedAt").and("id"), p);
        if (episodes.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = episodes.stream().map(e -> e.id).toList();
        Instant now = clock.instant();
        Map<UUID, Instant> nextSession = instants("select s.episodeId, min(s.plannedStart) from TherapySession s "
                + "where s.episodeId in ?1 and s.status = ?2 and s.plannedStart >= ?3 group by s.episodeId",
                ids, SessionStatus.SCHEDULED, now);
        Map<UUID, Instant> nextBooster = instants("select b.episodeId, min(b.dueAt) from Booster b "
                + "where b.episodeId in ?1 and b.status = ?2 and b.dueAt >= ?3 group by b.episodeId",
                ids, care.securebase.sessions.Booster.Status.SCHEDULED, now);
        Instant cutoff = OverdueNotes.cutoff(ClinicSettings.of(clinic).overdueNoteDays, now);
        Map<UUID, Long> overdue = new HashMap<>();
        Panache.getEntityManager().createQuery("select n.episodeId, count(n) from SessionNote n where n.episodeId in ?1 "
                        + "and n.status = ?2 and n.sessionStart < ?3 group by n.episodeId", Object[].class)
                .setParameter(1, ids).setParameter(2, NoteStatus.DRAFT).setParameter(3, cutoff).getResultList()
                .forEach(r -> overdue.put((UUID) r[0], (Long) r[1]));
        Map<UUID, Map<Flag.Kind, Long>> flags = new HashMap<>();
        Panache.getEntityManager().createQuery("select f.episodeId, f.kind, count(f) from Flag f where f.episodeId in ?1 "
                        + "and f.clearedAt is null group by f.episodeId, f.kind", Object[].class)
                .setParameter(1, ids).getResultList()
                .forEach(r -> flags.computeIfAbsent((UUID) r[0], k -> new TreeMap<>()).put((Flag.Kind) r[1], (Long) r[2]));
        return episodes.stream().map(e -> new Row(e, nextSession.get(e.id), nextBooster.get(e.id),
                overdue.getOrDefault(e.id, 0L), flags.getOrDefault(e.id, Map.of()))).toList();
    }

    private static Map<UUID, Instant> instants(String jpql, Object... params) {
        var query = Panache.getEntityManager().createQuery(jpql, Object[].class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        Map<UUID, Instant> out = new HashMap<>();
        query.getResultList().forEach(r -> out.put((UUID) r[0], (Instant) r[1]));
        return out;
    }
}
