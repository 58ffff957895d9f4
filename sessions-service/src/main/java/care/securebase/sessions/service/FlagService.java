package care.securebase.sessions.service;

import care.securebase.kit.problem.ConflictException;
import care.securebase.sessions.Flag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class FlagService {

    private final EpisodeService episodes;
    private final Staff staff;
    private final Clock clock;

    public FlagService(EpisodeService episodes, Staff staff, Clock clock) {
        this.episodes = episodes;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Flag> ofEpisode(UUID episodeId, boolean openOnly) {
        UUID id = episodes.visible(episodeId).id;
        return openOnly ? Flag.list("episodeId = ?1 and clearedAt is null order by raisedAt, id", id) : Flag.ofEpisode(id);
    }

    /** A clinician of the flag's clinic has looked at it. */
    public Flag clear(UUID flagId) {
        Flag flag = Flag.<Flag>findByIdOptional(flagId, LockModeType.PESSIMISTIC_WRITE).orElseThrow(NotFoundException::new);
        if (!staff.clinicIdMatches(flag.clinicId)) {
            throw new NotFoundException();
        }
        if (flag.clearedAt != null) {
            throw new ConflictException("The flag was cleared by " + flag.clearedBy + " already");
        }
        flag.clearedAt = clock.instant();
        flag.clearedBy = staff.id();
        return flag;
    }
}
