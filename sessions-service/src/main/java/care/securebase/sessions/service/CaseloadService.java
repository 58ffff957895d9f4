package care.securebase.sessions.service;

import care.securebase.sessions.ClinicSettings;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Flag;
import care.securebase.sessions.NoteStatus;
import care.securebase.sessions.OverdueNotes;
import care.securebase.sessions.SessionStatus;
import care.securebase.sessions.TherapySession;
import io.quarkus.hibernate.orm.panache.Panache;
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

    /** The soonest scheduled session and what the client answered by its link. */
    public record NextSession(UUID id, Instant startsAt, TherapySession.Confirmation confirmation) {
    }

    public record Row(Episode episode, NextSession nextSession, Instant nextBooster, long overdueNotes,
                      Map<Flag.Kind, Long> openFlags) {
    }

    /** One page of a caseload, and how many current clients it has in all. */
    public record Page(List<Row> rows, long total) {
    }

    /*
     * Who needs attention first, across all pages: open risk flags, then the most open flags, the most
     * overdue notes, the soonest session; the oldest episode breaks ties. Computed in the database so a
     * clinic with thousands of current clients is read one page at a time.
     */
    private static final String ATTENTION_ORDER = """
            select e.id from episode e
            left join (select episode_id, count(*) as open_flags, count(*) filter (where kind = 'RISK') as risk
                       from flag where clinic_id = :clinic and cleared_at is null group by episode_id) f
                   on f.episode_id = e.id
            left join (select episode_id, count(*) as overdue from session_note
                       where clinic_id = :clinic and status = 'DRAFT' and session_start < :cutoff group by episode_id) o
                   on o.episode_id = e.id
            left join (select episode_id, min(planned_start) as next_session from therapy_session
                       where clinic_id = :clinic and status = 'SCHEDULED' and planned_start >= :now group by episode_id) s
                   on s.episode_id = e.id
            where e.clinic_id = :clinic and e.phase <> 'DISCHARGED' %s
            order by coalesce(f.risk, 0) > 0 desc, coalesce(f.open_flags, 0) desc, coalesce(o.overdue, 0) desc,
                     s.next_session asc nulls last, e.opened_at, e.id
            offset :offset limit :size""";

    /**
     * Clinicians see their own caseload; supervisors and clinic-admins any clinician's of their
     * clinic, or the whole clinic's. Those needing attention come first.
     */
    public Page caseload(String clinicianId, int page, int size) {
        String clinic = staff.clinic();
        String clinician = clinicianId;
        if (!staff.seesWholeClinic()) {
            if (clinicianId != null && !clinicianId.equals(staff.id())) {
                throw new ForbiddenException("Clinicians see their own caseload; supervisors see the clinic's");
            }
            clinician = staff.id();
        }
        // 'DISCHARGED' written out, not bound: only then may PostgreSQL use the index of current episodes.
        var count = Panache.getEntityManager().createNativeQuery("select count(*) from episode where clinic_id = :clinic"
                        + " and phase <> 'DISCHARGED'" + (clinician == null ? "" : " and clinician_id = :clinician"), Long.class)
                .setParameter("clinic", clinic);
        if (clinician != null) {
            count.setParameter("clinician", clinician);
        }
        long total = (Long) count.getSingleResult();
        Instant now = clock.instant();
        Instant cutoff = OverdueNotes.cutoff(ClinicSettings.of(clinic).overdueNoteDays, now);
        @SuppressWarnings("unchecked")
        var order = Panache.getEntityManager()
                .createNativeQuery(ATTENTION_ORDER.formatted(clinician == null ? "" : "and e.clinician_id = :clinician"), UUID.class)
                .setParameter("clinic", clinic).setParameter("cutoff", cutoff).setParameter("now", now)
                .setParameter("offset", (long) page * size).setParameter("size", size);
        if (clinician != null) {
            order.setParameter("clinician", clinician);
        }
        List<UUID> ids = order.getResultList();
        if (ids.isEmpty()) {
            return new Page(List.of(), total);
        }
        Map<UUID, Episode> episodes = new HashMap<>();
        Episode.<Episode>list("id in ?1", ids).forEach(e -> episodes.put(e.id, e));
        Map<UUID, NextSession> nextSession = new HashMap<>();
        TherapySession.<TherapySession>list("episodeId in ?1 and status = ?2 and plannedStart >= ?3 "
                        + "order by plannedStart desc, id desc", ids, SessionStatus.SCHEDULED, now)
                .forEach(s -> nextSession.put(s.episodeId, new NextSession(s.id, s.plannedStart, s.confirmation)));
        Map<UUID, Instant> nextBooster = instants("select b.episodeId, min(b.dueAt) from Booster b "
                + "where b.episodeId in ?1 and b.status = ?2 and b.dueAt >= ?3 group by b.episodeId",
                ids, care.securebase.sessions.Booster.Status.SCHEDULED, now);
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
        return new Page(ids.stream().map(episodes::get).map(e -> new Row(e, nextSession.get(e.id), nextBooster.get(e.id),
                overdue.getOrDefault(e.id, 0L), flags.getOrDefault(e.id, Map.of()))).toList(), total);
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
