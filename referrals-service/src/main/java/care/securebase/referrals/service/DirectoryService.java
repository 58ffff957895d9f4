package care.securebase.referrals.service;

import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The community resource directory: partner organisations and their programs, shared by all clinics. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DirectoryService {

    public record Saved(PartnerOrganisation organisation, boolean created) {
    }

    /** Creates the organisation or updates its name and mailbox; its id (the token's org_id) never changes. */
    public Saved saveOrganisation(String id, String name, String noticeEmail) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PartnerOrganisation org = PartnerOrganisation.findById(id);
        boolean created = org == null;
        if (created) {
            org = new PartnerOrganisation();
            org.id = id;
            org.createdAt = now;
        }
        org.name = name.strip();
        org.noticeEmail = noticeEmail.strip();
        org.updatedAt = now;
        if (created) {
            org.persist();
        }
        return new Saved(org, created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerOrganisation> organisations() {
        return PartnerOrganisation.listByName();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerOrganisation organisation(String id) {
        return PartnerOrganisation.<PartnerOrganisation>findByIdOptional(id).orElseThrow(NotFoundException::new);
    }

    public Program addProgram(Program program) {
        if (PartnerOrganisation.findById(program.organisationId) == null) {
            throw new InvalidFieldException("organisationId", "is not a partner organisation in the directory");
        }
        program.id = UUID.randomUUID();
        program.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        program.persist();
        return program;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Program> programs(Program.Kind kind, String organisationId, int page, int size) {
        return Program.search(kind, organisationId, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Program program(UUID id) {
        return Program.<Program>findByIdOptional(id).orElseThrow(NotFoundException::new);
    }

    /** Names of the organisations running these programs, for views of programs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, PartnerOrganisation> organisationsOf(List<Program> programs) {
        return PartnerOrganisation.byIds(programs.stream().map(p -> p.organisationId).distinct().toList());
    }
}
