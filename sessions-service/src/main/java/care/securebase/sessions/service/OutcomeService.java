package care.securebase.sessions.service;

import care.securebase.instruments.InstrumentCatalog;
import care.securebase.instruments.InstrumentDefinition;
import care.securebase.instruments.ScoreResult;
import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.sessions.Episode;
import care.securebase.sessions.Flag;
import care.securebase.sessions.OutcomeAdministration;
import care.securebase.sessions.OutcomeScore;
import care.securebase.sessions.Phase;
import care.securebase.sessions.Trajectory;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Instruments re-administered during an episode: scored with the same definitions intake uses,
 * kept as scale scores, and judged for reliable change against the baseline. The answers are kept
 * apart and never logged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class OutcomeService {

    private final EpisodeService episodes;
    private final InstrumentCatalog catalog;
    private final Staff staff;
    private final Clock clock;

    public OutcomeService(EpisodeService episodes, InstrumentCatalog catalog, Staff staff, Clock clock) {
        this.episodes = episodes;
        this.catalog = catalog;
        this.staff = staff;
        this.clock = clock;
    }

    public record Recorded(OutcomeAdministration administration, ScoreResult result, List<Trajectory> trajectories) {
    }

    public Recorded record(UUID episodeId, String instrument, Integer version, List<Integer> answers,
                           Instant administeredAt) {
        InstrumentDefinition definition = catalog.require(instrument, version);
        ScoreResult result = catalog.score(definition.code(), definition.version(), answers);
        Episode episode = episodes.visibleForUpdate(episodeId);
        if (episode.phase == Phase.DISCHARGED) {
            throw new ConflictException("The episode is DISCHARGED; outcomes belong to a current episode");
        }
        Instant now = clock.instant();
        Instant given = administeredAt == null ? now : administeredAt;
        if (given.isAfter(now)) {
            throw new InvalidFieldException("administeredAt", "must not be in the future");
        }
        if (given.isBefore(episode.openedAt)) {
            throw new InvalidFieldException("administeredAt", "must not be before the episode opened ("
                    + episode.openedAt + ")");
        }
        OutcomeAdministration a = persist(episode.id, definition, result, OutcomeAdministration.Source.SESSION,
                staff.id(), given, null);
        List<Trajectory> trajectories = trajectories(episode.id).stream()
                .filter(t -> t.instrument().equals(definition.code())).toList();
        for (Trajectory t : trajectories) {
            if (t.reliableChange() == Trajectory.Result.DETERIORATED) {
                Flag.raise(Flag.Kind.DETERIORATION, episode.id, episode.clientId, episode.clinicId, null,
                        t.instrument() + " " + t.scale(), now);
            }
        }
        return new Recorded(a, result, trajectories);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Trajectory> ofEpisode(UUID episodeId) {
        return trajectories(episodes.visible(episodeId).id);
    }

    /** Per instrument and scale, in the order first given. */
    public List<Trajectory> trajectories(UUID episodeId) {
        List<OutcomeScore> scores = OutcomeScore.ofEpisode(episodeId);
        Map<UUID, OutcomeAdministration.Source> sources = new LinkedHashMap<>();
        OutcomeAdministration.<OutcomeAdministration>list("episodeId", episodeId)
                .forEach(a -> sources.put(a.id, a.source));
        Map<String, List<Trajectory.Point>> byScale = new LinkedHashMap<>();
        for (OutcomeScore s : scores) {
            byScale.computeIfAbsent(s.instrument + "\u0000" + s.scale, k -> new ArrayList<>())
                    .add(new Trajectory.Point(s.administeredAt, s.value.stripTrailingZeros(), s.band,
                            sources.get(s.administrationId) == OutcomeAdministration.Source.INTAKE,
                            sources.get(s.administrationId) == OutcomeAdministration.Source.CHECK_IN));
        }
        List<Trajectory> out = new ArrayList<>();
        byScale.forEach((key, points) -> {
            String[] parts = key.split("\u0000");
            InstrumentDefinition.Scale scale = catalog.latest(parts[0]).flatMap(d -> d.scale(parts[1])).orElse(null);
            out.add(Trajectory.of(parts[0], parts[1], points, scale));
        });
        return out;
    }

    /**
     * An administration with its answers and scale scores, whoever gave it: staff in a session, or the client
     * by a check-in ({@code checkInId}).
     */
    static OutcomeAdministration persist(UUID episodeId, InstrumentDefinition definition, ScoreResult result,
                                         OutcomeAdministration.Source source, String by, Instant at, UUID checkInId) {
        OutcomeAdministration a = new OutcomeAdministration();
        a.id = UUID.randomUUID();
        a.episodeId = episodeId;
        a.instrument = definition.code();
        a.instrumentVersion = definition.version();
        a.source = source;
        a.administeredBy = by;
        a.administeredAt = at;
        a.checkInId = checkInId;
        a.persist();
        Panache.getEntityManager().flush();
        Panache.getEntityManager().createNativeQuery("insert into outcome_answers (administration_id, answers) values (?1, ?2)")
                .setParameter(1, a.id).setParameter(2, result.answers().toArray(new Integer[0])).executeUpdate();
        for (ScoreResult.ScaleScore s : result.scales()) {
            OutcomeScore score = new OutcomeScore();
            score.id = UUID.randomUUID();
            score.administrationId = a.id;
            score.episodeId = episodeId;
            score.instrument = definition.code();
            score.scale = s.code();
            score.value = s.value();
            score.band = s.band();
            score.administeredAt = at;
            score.persist();
        }
        return a;
    }
}
