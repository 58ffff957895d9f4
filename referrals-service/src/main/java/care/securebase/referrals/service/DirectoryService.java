package care.securebase.referrals.service;

import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import care.securebase.kit.security.Roles;
import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The community resource directory: partner organisations and their programs, shared by all
 * clinics. Clinic-admins maintain all of it; a partner's social workers and systems keep their own
 * organisation's programs up to date (another organisation's program does not exist for them).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DirectoryService {

    private final Caller caller;
    private final Clock clock;

    public DirectoryService(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    public record Saved(PartnerOrganisation organisation, boolean created) {
    }

    /** Whether a program is open to referrals now, and how much room it has. */
    public record Availability(boolean acceptingReferrals, Integer places, Integer waitlistWeeks) {
    }

    /** Creates the organisation or updates its name and mailbox; its id (the token's org_id) never changes. */
    public Saved saveOrganisation(String id, String name, String noticeEmail) {
        Instant now = Clocks.now(clock);
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

    /** Adds a program; {@code program} carries its details, checked by {@link #checkDetails}. */
    public Program addProgram(Program program) {
        if (program.organisationId == null || program.organisationId.isBlank()) {
            throw new InvalidFieldException("organisationId", "must not be blank");
        }
        if (PartnerOrganisation.findById(program.organisationId) == null) {
            throw new InvalidFieldException("organisationId", "is not a partner organisation in the directory");
        }
        checkDetails(program);
        Instant now = Clocks.now(clock);
        program.id = UUID.randomUUID();
        program.createdAt = now;
        program.updatedAt = now;
        program.updatedBy = caller.id();
        program.persist();
        return program;
    }

    /**
     * Replaces a program's details. The organisation running it does not change; a partner may
     * change only its own organisation's programs.
     */
    public Program updateProgram(UUID id, Program details) {
        Program program = maintainable(id);
        if (details.organisationId != null && !details.organisationId.equals(program.organisationId)) {
            throw new InvalidFieldException("organisationId", "cannot change; add the program to the other organisation");
        }
        checkDetails(details);
        program.name = details.name;
        program.kind = details.kind;
        program.description = details.description;
        program.services = details.services;
        program.minAge = details.minAge;
        program.maxAge = details.maxAge;
        program.attendees = details.attendees;
        program.languages = details.languages;
        program.area = details.area;
        program.delivery = details.delivery;
        program.contactName = details.contactName;
        program.contactEmail = details.contactEmail;
        program.contactPhone = details.contactPhone;
        program.acceptingReferrals = details.acceptingReferrals;
        program.places = details.places;
        program.waitlistWeeks = details.waitlistWeeks;
        touched(program);
        return program;
    }

    /** The quick update a partner makes most: open or closed to referrals, places, wait. */
    public Program updateAvailability(UUID id, Availability availability) {
        Program program = maintainable(id);
        program.acceptingReferrals = availability.acceptingReferrals();
        program.places = availability.places();
        program.waitlistWeeks = availability.waitlistWeeks();
        touched(program);
        return program;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Program.Found programs(Program.Criteria criteria, int page, int size) {
        return Program.search(criteria, page, size);
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

    /** A program the caller may change: any for clinic-admins, their own organisation's for partners. */
    private Program maintainable(UUID id) {
        Program program = Program.findById(id);
        if (program == null || !caller.hasRole(Roles.CLINIC_ADMIN)
                && !program.organisationId.equals(caller.requireOrganisation())) {
            throw new NotFoundException();
        }
        return program;
    }

    private void touched(Program program) {
        program.updatedAt = Clocks.now(clock);
        program.updatedBy = caller.id();
    }

    /** Rules across fields, which Bean Validation on the request cannot express. */
    private static void checkDetails(Program program) {
        if (program.minAge != null && program.maxAge != null && program.minAge > program.maxAge) {
            throw new InvalidFieldException("maxAge", "must not be below minAge");
        }
    }
}
