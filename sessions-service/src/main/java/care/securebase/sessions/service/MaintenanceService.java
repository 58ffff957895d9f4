package care.securebase.sessions.service;

import care.securebase.events.BoosterRecorded;
import care.securebase.events.BoosterScheduleChanged;
import care.securebase.events.MaintenanceStarted;
import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.sessions.Flag;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.security.Caller;
import care.securebase.sessions.Booster;
import care.securebase.sessions.BoosterSchedule;
import care.securebase.sessions.Episode;
import care.securebase.sessions.MaintenancePlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class MaintenanceService {

    private final EpisodeService episodes;
    private final Outbox outbox;
    private final Caller caller;

    private final Clock clock;
    private final CheckInScheduleService checkIns;

    public MaintenanceService(EpisodeService episodes, Outbox outbox, Caller caller, Clock clock,
                              CheckInScheduleService checkIns) {
        this.episodes = episodes;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.checkIns = checkIns;
    }

    /** What the clinician agreed with the client; null boosters means the default schedule. */
    public record PlanRequest(List<String> relapseWarningSigns, List<String> copingTools, List<String> supports,
                              List<Instant> boosters) {
    }

    public record Started(Episode episode, MaintenancePlan plan, List<Booster> boosters) {
    }

    /**
     * Writes the plan and its boosters, moves the episode to maintenance and announces the booster
     * dates, all or nothing. Input is checked before anything is written.
     */
    public Started start(UUID episodeId, PlanRequest request) {
        Instant now = Instant.now();
        List<Instant> due = BoosterSchedule.plan("boosters", request.boosters(), now);
        Episode episode = episodes.visibleForUpdate(episodeId);
        episode.enterMaintenance(caller.id(), now);

        MaintenancePlan plan = new MaintenancePlan();
        plan.id = UUID.randomUUID();
        plan.episodeId = episode.id;
        plan.relapseWarningSigns = stripped(request.relapseWarningSigns());
        plan.copingTools = stripped(request.copingTools());
        plan.supports = stripped(request.supports());
        plan.createdBy = caller.id();
        plan.createdAt = now;
        plan.persist();

        List<Booster> boosters = new ArrayList<>();
        for (Instant dueAt : due) {
            Booster booster = new Booster();
            booster.id = UUID.randomUUID();
            booster.planId = plan.id;
            booster.episodeId = episode.id;
            booster.dueAt = dueAt;
            booster.status = Booster.Status.SCHEDULED;
            booster.persist();
            boosters.add(booster);
        }
        checkIns.startForMaintenance(episode, plan, boosters, now);
        // Booster dates only: the plan's text is the client's and stays here.
        outbox.publish(new MaintenanceStarted(episode.id, episode.clientId, episode.clinicId, episode.clinicianId,
                boosters.stream().map(b -> new MaintenanceStarted.Booster(b.id, b.dueAt)).toList()));
        return new Started(episode, plan, boosters);
    }

    /** The episode's newest plan (in force, or ended by a relapse or discharge). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MaintenancePlan latest(UUID episodeId) {
        Episode episode = episodes.visible(episodeId);
        return MaintenancePlan.latest(episode.id).orElseThrow(NotFoundException::new);
    }

    /** One booster of an edited schedule: an existing one (moved or kept) by id, or a new one without. */
    public record BoosterSlot(UUID id, Instant dueAt) {
    }

    /**
     * Replaces the outstanding boosters of the plan in force with {@code slots}: listed ids keep (or
     * move to) their date, unlisted outstanding ones are cancelled, slots without id are added.
     * Announces every outstanding booster so notifications can reschedule.
     */
    public List<Booster> editBoosters(UUID episodeId, List<BoosterSlot> slots) {
        Instant now = clock.instant();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).dueAt() == null) {
                throw new InvalidFieldException("boosters[" + i + "].dueAt", "must not be null");
            }
        }
        List<Instant> due = slots.stream().map(BoosterSlot::dueAt).sorted().toList();
        for (int i = 0; i < due.size(); i++) {
            // Checked in date order; the message names the slot as sent.
            int at = indexOf(slots, due.get(i));
            if (!due.get(i).isAfter(now) || due.get(i).isAfter(now.plus(BoosterSchedule.HORIZON))) {
                throw new InvalidFieldException("boosters[" + at + "].dueAt", "must be in the future, within five years");
            }
            if (i > 0 && !due.get(i).isAfter(due.get(i - 1))) {
                throw new InvalidFieldException("boosters[" + at + "].dueAt", "two boosters at the same time");
            }
        }
        if (slots.size() > BoosterSchedule.MAX_BOOSTERS) {
            throw new InvalidFieldException("boosters", "at most " + BoosterSchedule.MAX_BOOSTERS + " boosters");
        }
        Episode episode = episodes.visibleForUpdate(episodeId);
        MaintenancePlan plan = MaintenancePlan.current(episode.id).orElseThrow(() -> new ConflictException(
                "The episode has no maintenance plan in force; start one first"));
        Map<UUID, Booster> outstanding = new HashMap<>();
        Booster.<Booster>list("planId = ?1 and status = ?2", plan.id, Booster.Status.SCHEDULED)
                .forEach(b -> outstanding.put(b.id, b));
        Set<UUID> kept = new HashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            BoosterSlot slot = slots.get(i);
            if (slot.id() == null) {
                continue;
            }
            if (!outstanding.containsKey(slot.id()) || !kept.add(slot.id())) {
                throw new InvalidFieldException("boosters[" + i + "].id",
                        "is not an outstanding booster of the plan (or is listed twice)");
            }
        }
        for (Booster b : outstanding.values()) {
            if (!kept.contains(b.id)) {
                b.status = Booster.Status.CANCELLED;
                b.recordedAt = now;
                b.recordedBy = caller.id();
            }
        }
        for (BoosterSlot slot : slots) {
            if (slot.id() != null) {
                outstanding.get(slot.id()).dueAt = slot.dueAt();
            } else {
                Booster b = new Booster();
                b.id = UUID.randomUUID();
                b.planId = plan.id;
                b.episodeId = episode.id;
                b.dueAt = slot.dueAt();
                b.status = Booster.Status.SCHEDULED;
                b.persist();
            }
        }
        Booster.getEntityManager().flush();
        List<Booster> now2 = Booster.list("planId = ?1 and status = ?2 order by dueAt", plan.id, Booster.Status.SCHEDULED);
        outbox.publish(new BoosterScheduleChanged(episode.id, episode.clientId, episode.clinicId, episode.clinicianId,
                now2.stream().map(b -> new MaintenanceStarted.Booster(b.id, b.dueAt)).toList()));
        return plan.boosters();
    }

    private static int indexOf(List<BoosterSlot> slots, Instant due) {
        for (int i = 0; i < slots.size(); i++) {
            if (due.equals(slots.get(i).dueAt())) {
                return i;
            }
        }
        return 0;
    }

    /** A booster happened or did not; a missed one raises a MISSED_BOOSTER flag. */
    public Booster recordBooster(UUID boosterId, Booster.Status outcome) {
        Booster found = Booster.findById(boosterId);
        if (found == null) {
            throw new NotFoundException();
        }
        Episode episode = episodes.visibleForUpdate(found.episodeId);
        Booster booster = Booster.findById(boosterId, LockModeType.PESSIMISTIC_WRITE);
        if (booster.status != Booster.Status.SCHEDULED) {
            throw new ConflictException("The booster is " + booster.status + "; only a scheduled booster is recorded");
        }
        Instant now = clock.instant();
        booster.status = outcome;
        booster.recordedAt = now;
        booster.recordedBy = caller.id();
        if (outcome == Booster.Status.MISSED) {
            Flag.raise(Flag.Kind.MISSED_BOOSTER, episode.id, episode.clientId, episode.clinicId, booster.id, null, now);
        }
        outbox.publish(new BoosterRecorded(episode.id, episode.clientId, episode.clinicId, episode.clinicianId,
                booster.id, outcome.name()));
        return booster;
    }

    /**
     * The client reported some of the plan's relapse warning signs (by position in the plan): a
     * WARNING_SIGN flag for the clinician, naming how many and which positions, never the words.
     */
    public Flag warningSigns(UUID episodeId, List<Integer> reported) {
        Episode episode = episodes.visibleForUpdate(episodeId);
        MaintenancePlan plan = MaintenancePlan.current(episode.id).orElseThrow(() -> new ConflictException(
                "The episode has no maintenance plan in force"));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < reported.size(); i++) {
            Integer sign = reported.get(i);
            if (sign == null || sign < 0 || sign >= plan.relapseWarningSigns.size() || !seen.add(sign)) {
                throw new InvalidFieldException("reported[" + i + "]", "must be the position (0 to "
                        + (plan.relapseWarningSigns.size() - 1) + ") of a warning sign of the plan, once");
            }
        }
        String detail = reported.size() + " of " + plan.relapseWarningSigns.size() + " warning signs: "
                + reported.stream().sorted().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
        Flag flag = new Flag();
        flag.id = UUID.randomUUID();
        flag.kind = Flag.Kind.WARNING_SIGN;
        flag.episodeId = episode.id;
        flag.clientId = episode.clientId;
        flag.clinicId = episode.clinicId;
        flag.sourceRef = plan.id;
        flag.detail = detail;
        flag.raisedAt = clock.instant();
        flag.persist();
        return flag;
    }

    private static List<String> stripped(List<String> items) {
        return items == null ? List.of() : items.stream().map(String::strip).toList();
    }
}
