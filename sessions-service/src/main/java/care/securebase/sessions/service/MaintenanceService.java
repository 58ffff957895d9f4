package care.securebase.sessions.service;

import care.securebase.events.MaintenanceStarted;
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

    public MaintenanceService(EpisodeService episodes, Outbox outbox, Caller caller) {
        this.episodes = episodes;
        this.outbox = outbox;
        this.caller = caller;
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

    private static List<String> stripped(List<String> items) {
        return items == null ? List.of() : items.stream().map(String::strip).toList();
    }
}
