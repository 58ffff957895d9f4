package care.securebase.sessions.service;

import care.securebase.events.CheckInsEnded;
import care.securebase.instruments.InstrumentCatalog;
import care.securebase.instruments.InstrumentDefinition;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.sessions.Booster;
import care.securebase.sessions.CheckIn;
import care.securebase.sessions.CheckInCadence;
import care.securebase.sessions.CheckInSchedule;
import care.securebase.sessions.ClinicSettings;
import care.securebase.sessions.Episode;
import care.securebase.sessions.MaintenancePlan;
import care.securebase.sessions.Phase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Episodes' check-in schedules: set, changed and stopped by the clinician, ended by discharge and relapse. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CheckInScheduleService {

    public static final int MAX_INSTRUMENTS = 5;
    public static final int MAX_THRESHOLD = 20;
    /** What a schedule a maintenance plan starts asks (the clinic setting chooses only how often). */
    static final List<String> MAINTENANCE_INSTRUMENTS = List.of("PHQ-9");

    private final EpisodeService episodes;
    private final InstrumentCatalog catalog;
    private final Outbox outbox;
    private final Staff staff;
    private final Clock clock;

    public CheckInScheduleService(EpisodeService episodes, InstrumentCatalog catalog, Outbox outbox, Staff staff,
                                  Clock clock) {
        this.episodes = episodes;
        this.catalog = catalog;
        this.outbox = outbox;
        this.staff = staff;
        this.clock = clock;
    }

    public record ScheduleRequest(List<String> instruments, CheckInCadence.Frequency frequency, List<LocalDate> dates,
                                  LocalDate until, boolean includeWarningSigns, boolean includeCopingTools,
                                  boolean diaryPrompt, int warningSignThreshold) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CheckInSchedule get(UUID episodeId) {
        return CheckInSchedule.inForce(episodes.visible(episodeId).id).orElseThrow(NotFoundException::new);
    }

    /** Sets the episode's schedule, or changes the one in force (its cadence counts from its last check-in). */
    public CheckInSchedule put(UUID episodeId, ScheduleRequest request) {
        // Another clinic's episode is 404 whatever the body says, as if it did not exist.
        episodes.visible(episodeId);
        Instant now = clock.instant();
        List<String> codes = instruments(request.instruments());
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        checkDates(request, today);
        if (request.warningSignThreshold() < 0 || request.warningSignThreshold() > MAX_THRESHOLD) {
            throw new InvalidFieldException("warningSignThreshold", "must be 0 to " + MAX_THRESHOLD);
        }
        Episode episode = episodes.visibleForUpdate(episodeId);
        if (episode.phase != Phase.ACTIVE_TREATMENT && episode.phase != Phase.MAINTENANCE) {
            throw new ConflictException("The episode is " + episode.phase
                    + "; check-ins are for episodes in active treatment or maintenance");
        }
        Optional<MaintenancePlan> plan = MaintenancePlan.current(episode.id);
        if (request.includeWarningSigns() && plan.isEmpty()) {
            throw new InvalidFieldException("includeWarningSigns", "the episode has no maintenance plan in force");
        }
        if (request.includeCopingTools() && plan.isEmpty()) {
            throw new InvalidFieldException("includeCopingTools", "the episode has no maintenance plan in force");
        }
        if (request.includeWarningSigns() && request.warningSignThreshold() < 1) {
            throw new InvalidFieldException("warningSignThreshold", "must be at least 1 when warning signs are asked");
        }
        CheckInSchedule schedule = CheckInSchedule.inForceForUpdate(episode.id).orElse(null);
        if (schedule == null) {
            schedule = new CheckInSchedule();
            schedule.id = UUID.randomUUID();
            schedule.episodeId = episode.id;
            schedule.clientId = episode.clientId;
            schedule.clinicId = episode.clinicId;
            schedule.createdBy = staff.id();
            schedule.createdAt = now;
        }
        apply(schedule, codes, request);
        schedule.updatedBy = staff.id();
        schedule.updatedAt = now;
        schedule.restart(now, lastDue(episode.id));
        schedule.persist();
        return schedule;
    }

    /** The clinician stops the schedule: open check-ins' links die, nothing more falls due. */
    public void stop(UUID episodeId) {
        Episode episode = episodes.visibleForUpdate(episodeId);
        if (!end(episode, CheckInSchedule.EndReason.STOPPED, clock.instant())) {
            throw new NotFoundException();
        }
    }

    /**
     * Ends the episode's schedule in force, if any, cancelling its open check-ins, and announces it.
     * The caller holds the episode's lock.
     */
    public boolean end(Episode episode, CheckInSchedule.EndReason reason, Instant now) {
        Optional<CheckInSchedule> schedule = CheckInSchedule.inForceForUpdate(episode.id);
        if (schedule.isEmpty()) {
            return false;
        }
        schedule.get().end(reason, now);
        CheckIn.<CheckIn>list("episodeId = ?1 and status in ?2", episode.id, List.of(CheckIn.Status.DUE,
                CheckIn.Status.SENT)).forEach(c -> c.status = CheckIn.Status.CANCELLED);
        outbox.publish(new CheckInsEnded(episode.id, episode.clientId, episode.clinicId));
        return true;
    }

    /**
     * The schedule a new maintenance plan starts when the clinic asks for one: PHQ-9 at the clinic's
     * cadence until the last booster (a year if none), with the plan's warning signs, coping tools and
     * the diary. A schedule already in force is left as the clinician set it.
     */
    public void startForMaintenance(Episode episode, MaintenancePlan plan, List<Booster> boosters, Instant now) {
        CheckInCadence.Frequency frequency = ClinicSettings.of(episode.clinicId).maintenanceCheckIns;
        if (frequency == null || CheckInSchedule.inForce(episode.id).isPresent()) {
            return;
        }
        LocalDate until = boosters.stream().map(b -> b.dueAt).max(Instant::compareTo)
                .map(i -> i.atZone(ZoneOffset.UTC).toLocalDate())
                .orElse(now.atZone(ZoneOffset.UTC).toLocalDate().plusYears(1));
        boolean signs = !plan.relapseWarningSigns.isEmpty();
        CheckInSchedule schedule = new CheckInSchedule();
        schedule.id = UUID.randomUUID();
        schedule.episodeId = episode.id;
        schedule.clientId = episode.clientId;
        schedule.clinicId = episode.clinicId;
        apply(schedule, MAINTENANCE_INSTRUMENTS, new ScheduleRequest(MAINTENANCE_INSTRUMENTS, frequency, List.of(),
                until, signs, !plan.copingTools.isEmpty(), true, signs ? Math.min(2, plan.relapseWarningSigns.size()) : 0));
        schedule.createdBy = plan.createdBy;
        schedule.createdAt = now;
        schedule.updatedBy = plan.createdBy;
        schedule.updatedAt = now;
        schedule.restart(now, lastDue(episode.id));
        schedule.persist();
    }

    private static void apply(CheckInSchedule schedule, List<String> codes, ScheduleRequest request) {
        schedule.instruments = codes;
        schedule.frequency = request.frequency();
        schedule.dates = request.frequency() == CheckInCadence.Frequency.DATES
                ? request.dates().stream().sorted().distinct().toList() : List.of();
        schedule.until = request.until();
        schedule.includeWarningSigns = request.includeWarningSigns();
        schedule.includeCopingTools = request.includeCopingTools();
        schedule.diaryPrompt = request.diaryPrompt();
        schedule.warningSignThreshold = request.warningSignThreshold();
    }

    private static Instant lastDue(UUID episodeId) {
        return CheckIn.find("episodeId = ?1 order by dueAt desc", episodeId).<CheckIn>firstResultOptional()
                .map(c -> c.dueAt).orElse(null);
    }

    /** Catalog codes, in the order given; only instruments whose items the client may be shown. */
    private List<String> instruments(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidFieldException("instruments", "name at least one instrument");
        }
        if (requested.size() > MAX_INSTRUMENTS) {
            throw new InvalidFieldException("instruments", "at most " + MAX_INSTRUMENTS);
        }
        List<String> codes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "instruments[" + i + "]";
            InstrumentDefinition d = find(catalog, requested.get(i))
                    .orElseThrow(() -> new InvalidFieldException(field, "unknown instrument; known: "
                            + String.join(", ", selfReportable(catalog))));
            if (!selfReportable(d)) {
                throw new InvalidFieldException(field, d.code() + " may not be shown to the client (its item text is "
                        + "not ours to reproduce); self-reported: " + String.join(", ", selfReportable(catalog)));
            }
            if (!seen.add(d.code())) {
                throw new InvalidFieldException(field, d.code() + " is listed twice");
            }
            codes.add(d.code());
        }
        return codes;
    }

    private static void checkDates(ScheduleRequest request, LocalDate today) {
        LocalDate last = today.plusDays(CheckInCadence.MAX_DAYS_AHEAD);
        if (request.until() == null) {
            throw new InvalidFieldException("until", "is required");
        }
        if (request.until().isBefore(today) || request.until().isAfter(last)) {
            throw new InvalidFieldException("until", "must be from today to " + last);
        }
        if (request.frequency() == null) {
            throw new InvalidFieldException("frequency", "is required");
        }
        List<LocalDate> dates = request.dates() == null ? List.of() : request.dates();
        if (request.frequency() != CheckInCadence.Frequency.DATES) {
            if (!dates.isEmpty()) {
                throw new InvalidFieldException("dates", "only with frequency DATES");
            }
            return;
        }
        if (dates.isEmpty() || dates.size() > CheckInCadence.MAX_DATES) {
            throw new InvalidFieldException("dates", "name 1 to " + CheckInCadence.MAX_DATES + " dates");
        }
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            if (d == null || d.isBefore(today) || d.isAfter(request.until())) {
                throw new InvalidFieldException("dates[" + i + "]", "must be from today to until (" + request.until() + ")");
            }
        }
    }

    /** A code as written in the catalog ("PHQ-9") or without its punctuation ("PHQ9", "phq9"). */
    static Optional<InstrumentDefinition> find(InstrumentCatalog catalog, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = squash(code);
        return catalog.latestOfEach().stream().filter(d -> squash(d.code()).equals(wanted)).findFirst();
    }

    private static String squash(String code) {
        return code.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    static boolean selfReportable(InstrumentDefinition d) {
        return d.licence() != null && d.licence().itemTextReproducible() && !d.items().isEmpty();
    }

    static List<String> selfReportable(InstrumentCatalog catalog) {
        return catalog.latestOfEach().stream().filter(CheckInScheduleService::selfReportable)
                .map(InstrumentDefinition::code).toList();
    }
}
