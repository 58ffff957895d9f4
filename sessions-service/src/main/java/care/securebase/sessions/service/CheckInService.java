package care.securebase.sessions.service;

import care.securebase.events.CheckInFlagged;
import care.securebase.instruments.InstrumentCatalog;
import care.securebase.instruments.InstrumentDefinition;
import care.securebase.instruments.ScoreResult;
import care.securebase.instruments.Scorer;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.sessions.CheckIn;
import care.securebase.sessions.CheckInRules;
import care.securebase.sessions.ClinicSettings;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Flag;
import care.securebase.sessions.MaintenancePlan;
import care.securebase.sessions.OutcomeAdministration;
import care.securebase.sessions.OutcomeScore;
import care.securebase.sessions.RecordAccess;
import care.securebase.sessions.Trajectory;
import care.securebase.sessions.links.LinkTokens;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The client's side of a check-in (by its link: what it asks, and the answers) and the clinician's
 * (the episode's check-ins, one check-in's answers). Answers, signs and the diary are clinical: they
 * go to their tables and nowhere else; events carry ids and a flag's kind.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CheckInService {

    public static final int MAX_DIARY = 5000;
    /** Who administered a self-reported outcome. */
    public static final String CLIENT = "client";

    private final LinkTokens tokens;
    private final InstrumentCatalog catalog;
    private final OutcomeService outcomes;
    private final EpisodeService episodes;
    private final Outbox outbox;
    private final Staff staff;
    private final Clock clock;

    public CheckInService(LinkTokens tokens, InstrumentCatalog catalog, OutcomeService outcomes,
                          EpisodeService episodes, Outbox outbox, Staff staff, Clock clock) {
        this.tokens = tokens;
        this.catalog = catalog;
        this.outcomes = outcomes;
        this.episodes = episodes;
        this.outbox = outbox;
        this.staff = staff;
        this.clock = clock;
    }

    /** What the page asks: the instruments, and the plan's signs and tools when the schedule includes them. */
    public record Form(CheckIn checkIn, List<InstrumentDefinition> instruments, List<String> warningSigns,
                       List<String> copingTools) {
    }

    public record Submission(Map<String, List<Integer>> answers, List<Integer> warningSigns,
                             List<Integer> copingTools, String diary) {
    }

    /** {@code crisis}: a risk item was answered positively; the page shows the crisis line at once. */
    public record Submitted(CheckIn checkIn, boolean crisis) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Form form(String token) {
        return formOf(open(token, false));
    }

    /**
     * Scores and keeps the answers, closes the link and runs the flag rules, all or nothing; every answer
     * is checked before anything is written.
     */
    public Submitted submit(String token, Submission submission) {
        CheckIn checkIn = open(token, true);
        Form form = formOf(checkIn);
        Map<String, List<Integer>> answers = submission.answers() == null ? Map.of() : submission.answers();
        Map<InstrumentDefinition, ScoreResult> scored = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (InstrumentDefinition d : form.instruments()) {
            String squashed = d.code().replaceAll("[^A-Za-z0-9]", "");
            String key = !answers.containsKey(d.code()) && answers.containsKey(squashed) ? squashed : d.code();
            known.add(key);
            scored.put(d, Scorer.score(d, "answers." + key, answers.get(key)));
        }
        for (String key : answers.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidFieldException("answers." + key, "this check-in does not ask it");
            }
        }
        List<Integer> signs = positions("warningSigns", submission.warningSigns(), form.warningSigns());
        List<Integer> tools = positions("copingTools", submission.copingTools(), form.copingTools());
        String diary = submission.diary() == null || submission.diary().isBlank() ? null : submission.diary().strip();
        if (diary != null && !checkIn.diaryPrompt) {
            throw new InvalidFieldException("diary", "this check-in has no diary");
        }
        if (diary != null && diary.length() > MAX_DIARY) {
            throw new InvalidFieldException("diary", "at most " + MAX_DIARY + " characters");
        }

        Instant now = clock.instant();
        Episode episode = Episode.findById(checkIn.episodeId);
        // Judged against what was there before this check-in: its baseline and the last self-report.
        List<Trajectory> before = outcomes.trajectories(episode.id);
        boolean deteriorated = false;
        for (var entry : scored.entrySet()) {
            record(checkIn, entry.getKey(), entry.getValue(), now);
            for (ScoreResult.ScaleScore s : entry.getValue().scales()) {
                InstrumentDefinition.ReliableChange criterion = entry.getKey().scale(s.code())
                        .map(InstrumentDefinition.Scale::reliableChange).orElse(null);
                Optional<Trajectory> t = before.stream().filter(x -> x.instrument().equals(entry.getKey().code())
                        && x.scale().equals(s.code())).findFirst();
                BigDecimal baseline = t.map(x -> x.baseline().value()).orElse(null);
                BigDecimal previous = t.flatMap(x -> x.points().stream().filter(Trajectory.Point::selfReported)
                        .reduce((a, b) -> b)).map(Trajectory.Point::value).orElse(null);
                if (CheckInRules.deteriorated(criterion, baseline, previous, s.value())) {
                    deteriorated = true;
                    Flag.raise(Flag.Kind.DETERIORATION, episode.id, episode.clientId, episode.clinicId, null,
                            entry.getKey().code() + " " + s.code(), now);
                }
            }
        }
        Panache.getEntityManager().flush();
        Panache.getEntityManager().createNativeQuery("insert into check_in_answers (check_in_id, warning_signs, "
                        + "coping_tools, diary) values (?1, ?2, ?3, ?4)")
                .setParameter(1, checkIn.id).setParameter(2, signs.toArray(new Integer[0]))
                .setParameter(3, tools.toArray(new Integer[0])).setParameter(4, diary).executeUpdate();
        checkIn.status = CheckIn.Status.ANSWERED;
        checkIn.answeredAt = now;

        boolean risk = CheckInRules.risk(List.copyOf(scored.values()));
        if (risk) {
            String detail = scored.values().stream().flatMap(r -> r.risks().stream())
                    .map(r -> r.level() + " " + r.source()).findFirst().orElse("") + " CHECK_IN";
            flag(checkIn, episode, CheckInRules.Kind.RISK, detail, now);
        }
        if (deteriorated) {
            flag(checkIn, episode, CheckInRules.Kind.DETERIORATION, null, now);
        }
        if (checkIn.includeWarningSigns && CheckInRules.warningSigns(signs.size(), checkIn.warningSignThreshold)) {
            flag(checkIn, episode, CheckInRules.Kind.WARNING_SIGNS,
                    signs.size() + " of " + form.warningSigns().size() + " warning signs", now);
        }
        return new Submitted(checkIn, risk);
    }

    /**
     * Records a flag rule that fired on a check-in: on the caseload (DETERIORATION's own flag is raised
     * per scale above), in the check-in's list, and as check-in-flagged for notifications.
     */
    void flag(CheckIn checkIn, Episode episode, CheckInRules.Kind kind, String detail, Instant now) {
        if (kind != CheckInRules.Kind.DETERIORATION) {
            Flag.raise(kind.flag, episode.id, episode.clientId, episode.clinicId, checkIn.id, detail, now);
        }
        checkIn.addFlag(kind);
        String onCall = kind == CheckInRules.Kind.RISK ? ClinicSettings.of(episode.clinicId).onCallClinicianId : null;
        outbox.publish(new CheckInFlagged(checkIn.id, episode.id, episode.clientId, episode.clinicId,
                episode.clinicianId, kind.name(), onCall));
    }

    private static void record(CheckIn checkIn, InstrumentDefinition d, ScoreResult result, Instant now) {
        OutcomeService.persist(checkIn.episodeId, d, result, OutcomeAdministration.Source.CHECK_IN, CLIENT, now, checkIn.id);
    }

    /** Positions in the plan's list, each once; nothing when the check-in does not ask. */
    private static List<Integer> positions(String field, List<Integer> given, List<String> offered) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Integer p = given.get(i);
            if (p == null || p < 0 || p >= offered.size() || !seen.add(p)) {
                throw new InvalidFieldException(field + "[" + i + "]", offered.isEmpty() ? "this check-in does not ask it"
                        : "must be an index (0 to " + (offered.size() - 1) + ") of the list, once");
            }
        }
        return given.stream().sorted().toList();
    }

    /**
     * The check-in a link stands for, if it is still open: a bad signature is refused before any
     * database read, and a wrong, expired or used link is the same 404.
     */
    private CheckIn open(String token, boolean forUpdate) {
        String hash = tokens.verify(LinkTokens.CHECK_IN, token).orElseThrow(NotFoundException::new);
        CheckIn checkIn = CheckIn.<CheckIn>find("linkHash", hash).firstResultOptional()
                .orElseThrow(NotFoundException::new);
        if (forUpdate) {
            // Episode first, then the check-in: the order stopping, discharge and the scheduler lock in.
            Episode.findById(checkIn.episodeId, LockModeType.PESSIMISTIC_WRITE);
            Panache.getEntityManager().refresh(checkIn, LockModeType.PESSIMISTIC_WRITE);
        }
        if (!checkIn.open() || !LinkTokens.usable(checkIn.expiresAt, null, clock.instant())) {
            throw new NotFoundException();
        }
        return checkIn;
    }

    private Form formOf(CheckIn checkIn) {
        List<InstrumentDefinition> instruments = checkIn.instruments.stream()
                .map(code -> catalog.latest(code).orElseThrow()).toList();
        MaintenancePlan plan = checkIn.planId == null ? null : MaintenancePlan.findById(checkIn.planId);
        return new Form(checkIn, instruments,
                plan != null && checkIn.includeWarningSigns ? plan.relapseWarningSigns : List.of(),
                plan != null && checkIn.includeCopingTools ? plan.copingTools : List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CheckIn> ofEpisode(UUID episodeId, int page, int size) {
        return CheckIn.<CheckIn>find("episodeId = ?1 order by dueAt desc, id", episodes.visible(episodeId).id)
                .page(Page.of(page, size)).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countOfEpisode(UUID episodeId) {
        return CheckIn.count("episodeId", episodes.visible(episodeId).id);
    }

    /** Totals (scale "total", else the first scale) per instrument of answered check-ins. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Map<String, BigDecimal>> totals(List<UUID> checkInIds) {
        Map<UUID, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (checkInIds.isEmpty()) {
            return out;
        }
        Panache.getEntityManager().createQuery("select a.checkInId, s.instrument, s.scale, s.value from OutcomeScore s, "
                        + "OutcomeAdministration a where a.id = s.administrationId and a.checkInId in ?1 order by s.id",
                        Object[].class)
                .setParameter(1, checkInIds).getResultList().forEach(r -> {
                    Map<String, BigDecimal> m = out.computeIfAbsent((UUID) r[0], k -> new LinkedHashMap<>());
                    if ("total".equals(r[2]) || !m.containsKey((String) r[1])) {
                        m.put((String) r[1], ((BigDecimal) r[3]).stripTrailingZeros());
                    }
                });
        return out;
    }

    /** One check-in with what the client reported; the read is recorded like a note's. */
    public record Answers(CheckIn checkIn, List<Answered> instruments, List<String> warningSignsNoticed,
                          List<String> copingToolsUsed, String diary) {
    }

    public record Answered(InstrumentDefinition definition, List<Integer> answers, List<OutcomeScore> scores) {
    }

    public Answers read(UUID checkInId) {
        CheckIn checkIn = CheckIn.<CheckIn>findByIdOptional(checkInId).orElseThrow(NotFoundException::new);
        Episode episode = episodes.visible(checkIn.episodeId);
        RecordAccess.record(RecordAccess.Kind.CHECK_IN, checkIn.id, episode.clientId, episode.clinicId, staff.id(),
                clock.instant());
        List<Answered> instruments = new ArrayList<>();
        for (OutcomeAdministration a : OutcomeAdministration.<OutcomeAdministration>list("checkInId", checkIn.id)) {
            Integer[] given = (Integer[]) Panache.getEntityManager()
                    .createNativeQuery("select answers from outcome_answers where administration_id = ?1", Integer[].class)
                    .setParameter(1, a.id).getSingleResult();
            InstrumentDefinition d = catalog.find(a.instrument, a.instrumentVersion).orElseThrow();
            instruments.add(new Answered(d, java.util.Arrays.asList(given),
                    OutcomeScore.list("administrationId = ?1 order by scale", a.id)));
        }
        MaintenancePlan plan = checkIn.planId == null ? null : MaintenancePlan.findById(checkIn.planId);
        List<String> signs = List.of();
        List<String> tools = List.of();
        String diary = null;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select warning_signs, coping_tools, diary from check_in_answers where check_in_id = ?1", Object[].class)
                .setParameter(1, checkIn.id).getResultList();
        if (!rows.isEmpty()) {
            signs = texts((Integer[]) rows.get(0)[0], plan == null ? List.of() : plan.relapseWarningSigns);
            tools = texts((Integer[]) rows.get(0)[1], plan == null ? List.of() : plan.copingTools);
            diary = (String) rows.get(0)[2];
        }
        return new Answers(checkIn, instruments, signs, tools, diary);
    }

    private static List<String> texts(Integer[] positions, List<String> of) {
        List<String> out = new ArrayList<>();
        for (Integer p : positions) {
            if (p != null && p >= 0 && p < of.size()) {
                out.add(of.get(p));
            }
        }
        return out;
    }
}
