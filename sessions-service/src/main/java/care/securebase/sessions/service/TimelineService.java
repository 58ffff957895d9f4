package care.securebase.sessions.service;

import care.securebase.sessions.Booster;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Flag;
import care.securebase.sessions.NoteStatus;
import care.securebase.sessions.OutcomeAdministration;
import care.securebase.sessions.OutcomeScore;
import care.securebase.sessions.PhaseChange;
import care.securebase.sessions.ReferralEvent;
import care.securebase.sessions.ReminderSent;
import care.securebase.sessions.RiskFlag;
import care.securebase.sessions.SafetyPlanVersion;
import care.securebase.sessions.SessionNote;
import care.securebase.sessions.TherapySession;
import care.securebase.sessions.TreatmentPlanVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The course of an episode in time order. Facts only (what, when, who, codes and numbers): no
 * note, plan or phase-change text, so clinic-admins may read it too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TimelineService {

    private final EpisodeService episodes;

    public TimelineService(EpisodeService episodes) {
        this.episodes = episodes;
    }

    public record Entry(Instant at, String type, UUID refId, String by, Map<String, Object> details) {
    }

    public List<Entry> of(UUID episodeId) {
        Episode e = episodes.visible(episodeId);
        List<Entry> out = new ArrayList<>();
        List<Map<String, Object>> baseline = new ArrayList<>();
        Map<UUID, OutcomeAdministration> administrations = new LinkedHashMap<>();
        OutcomeAdministration.<OutcomeAdministration>list("episodeId = ?1 order by administeredAt", e.id)
                .forEach(a -> administrations.put(a.id, a));
        Map<UUID, List<Map<String, Object>>> scoresByAdministration = new LinkedHashMap<>();
        for (OutcomeScore s : OutcomeScore.ofEpisode(e.id)) {
            scoresByAdministration.computeIfAbsent(s.administrationId, k -> new ArrayList<>())
                    .add(details("scale", s.scale, "value", s.value.stripTrailingZeros(), "band", s.band));
        }
        administrations.values().stream().filter(a -> a.source == OutcomeAdministration.Source.INTAKE)
                .forEach(a -> scoresByAdministration.getOrDefault(a.id, List.of())
                        .forEach(s -> {
                            Map<String, Object> m = new LinkedHashMap<>(s);
                            m.put("instrument", a.instrument);
                            baseline.add(m);
                        }));
        out.add(new Entry(e.openedAt, "INTAKE", e.intakeId, null, details("priority", e.priority,
                "riskLevel", e.riskLevel, "modality", e.modality, "clinicianId", e.clinicianId, "scores", baseline)));
        for (RiskFlag f : RiskFlag.ofClient(e.clientId)) {
            out.add(new Entry(f.raisedAt, "RISK_FLAG", f.id, null, details("level", f.level, "source", f.source)));
        }
        for (PhaseChange c : e.history()) {
            out.add(new Entry(c.changedAt, "PHASE_CHANGE", c.id, c.changedBy, details("from", c.fromPhase, "to", c.toPhase)));
        }
        for (TherapySession s : TherapySession.ofEpisode(e.id)) {
            out.add(new Entry(s.plannedStart, "SESSION", s.id, s.clinicianId, details("status", s.status,
                    "modality", s.modality, "telehealth", s.telehealth, "lengthMinutes", s.lengthMinutes)));
        }
        for (SessionNote n : SessionNote.<SessionNote>list("episodeId = ?1 and status <> ?2", e.id, NoteStatus.DRAFT)) {
            out.add(new Entry(n.signedAt, "NOTE_SIGNED", n.id, n.authorId, details("sessionId", n.sessionId,
                    "status", n.status, "cosignedBy", n.cosignedBy, "cosignedAt", n.cosignedAt)));
        }
        for (OutcomeAdministration a : administrations.values()) {
            if (a.source == OutcomeAdministration.Source.SESSION) {
                out.add(new Entry(a.administeredAt, "OUTCOME", a.id, a.administeredBy, details("instrument", a.instrument,
                        "scores", scoresByAdministration.getOrDefault(a.id, List.of()))));
            }
        }
        for (TreatmentPlanVersion v : TreatmentPlanVersion.ofEpisode(e.id)) {
            out.add(new Entry(v.changedAt, "TREATMENT_PLAN_VERSION", v.id, v.changedBy,
                    details("version", v.version, "changes", v.changes)));
        }
        for (SafetyPlanVersion v : SafetyPlanVersion.ofClient(e.clientId)) {
            out.add(new Entry(v.changedAt, "SAFETY_PLAN_VERSION", v.id, v.changedBy, details("version", v.version)));
        }
        for (ReferralEvent r : ReferralEvent.ofEpisode(e.id)) {
            out.add(new Entry(r.at, "REFERRAL_" + r.kind, r.referralId, r.byStaff, details("organisationId",
                    r.organisationId, "urgency", r.urgency, "status", r.status, "code", r.code)));
        }
        for (ReminderSent r : ReminderSent.<ReminderSent>list("episodeId = ?1", e.id)) {
            out.add(new Entry(r.sentAt, "REMINDER_SENT", r.reminderId, null, details("boosterId", r.boosterId,
                    "channel", r.channel)));
        }
        for (Booster b : Booster.<Booster>list("episodeId = ?1 and recordedAt is not null and status <> ?2", e.id,
                Booster.Status.CANCELLED)) {
            out.add(new Entry(b.recordedAt, "BOOSTER_" + b.status, b.id, b.recordedBy, details("dueAt", b.dueAt)));
        }
        for (Flag f : Flag.ofEpisode(e.id)) {
            out.add(new Entry(f.raisedAt, "FLAG_RAISED", f.id, null, details("kind", f.kind, "detail", f.detail)));
            if (f.clearedAt != null) {
                out.add(new Entry(f.clearedAt, "FLAG_CLEARED", f.id, f.clearedBy, details("kind", f.kind)));
            }
        }
        out.sort(Comparator.comparing(Entry::at).thenComparing(Entry::type));
        return out;
    }

    /** Keys with null values left out, in the order given. */
    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return m;
    }
}
