package care.securebase.sessions.service;

import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import care.securebase.sessions.CheckInCadence;
import care.securebase.sessions.ClinicSettings;
import care.securebase.sessions.NoteFormat;
import care.securebase.sessions.Practitioner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.List;

/** The caller's clinic's note settings and its practitioners' standing (trainee, supervisor). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SettingsService {

    private final Caller caller;
    private final Clock clock;

    public SettingsService(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClinicSettings settings() {
        return ClinicSettings.of(caller.requireClinic());
    }

    /** Null fields are left as they are; {@code maintenanceCheckIns} NONE and an empty on-call id clear. */
    public record CheckInSettings(Integer expiryHours, Integer missedInARow, String maintenanceCheckIns,
                                  String onCallClinicianId) {
    }

    public ClinicSettings update(NoteFormat format, int overdueNoteDays, CheckInSettings checkIns) {
        String clinic = caller.requireClinic();
        ClinicSettings settings = ClinicSettings.findById(clinic);
        if (settings == null) {
            settings = new ClinicSettings();
            settings.clinicId = clinic;
        }
        settings.noteFormat = format;
        settings.overdueNoteDays = overdueNoteDays;
        if (checkIns.expiryHours() != null) {
            settings.checkInExpiryHours = checkIns.expiryHours();
        }
        if (checkIns.missedInARow() != null) {
            settings.missedCheckInsFlag = checkIns.missedInARow();
        }
        if (checkIns.maintenanceCheckIns() != null) {
            settings.maintenanceCheckIns = "NONE".equals(checkIns.maintenanceCheckIns()) ? null
                    : CheckInCadence.Frequency.valueOf(checkIns.maintenanceCheckIns());
        }
        if (checkIns.onCallClinicianId() != null) {
            String id = checkIns.onCallClinicianId().strip();
            if (!id.isEmpty() && !id.matches("[A-Za-z0-9._@-]+")) {
                throw new InvalidFieldException("onCallClinicianId", "must be a staff id (letters, digits, . _ @ -)");
            }
            settings.onCallClinicianId = id.isEmpty() ? null : id;
        }
        settings.updatedBy = caller.id();
        settings.updatedAt = clock.instant();
        settings.persist();
        return settings;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Practitioner> practitioners() {
        return Practitioner.ofClinic(caller.requireClinic());
    }

    /**
     * Records a clinician's standing at the admin's own clinic. A trainee names a supervisor of the
     * same clinic; a supervisor cannot be a trainee. Another clinic's practitioner is 404.
     */
    public Practitioner put(String id, String clinicId, boolean trainee, boolean supervisor, String supervisorId) {
        String clinic = caller.requireClinic();
        if (!clinic.equals(clinicId)) {
            throw new InvalidFieldException("clinicId", "must be your own clinic (" + clinic + ")");
        }
        Practitioner existing = Practitioner.findById(id);
        if (existing != null && !existing.clinicId.equals(clinic)) {
            throw new NotFoundException();
        }
        if (trainee && supervisor) {
            throw new InvalidFieldException("supervisor", "a trainee cannot be a supervisor");
        }
        if (trainee && (supervisorId == null || supervisorId.isBlank())) {
            throw new InvalidFieldException("supervisorId", "is required for a trainee");
        }
        if (!trainee && supervisorId != null) {
            throw new InvalidFieldException("supervisorId", "only a trainee has a supervisor");
        }
        if (trainee && (supervisorId.equals(id) || !Practitioner.isSupervisorAt(supervisorId, clinic))) {
            throw new InvalidFieldException("supervisorId", "must be a supervisor of " + clinic);
        }
        if (!supervisor && existing != null && existing.supervisor
                && Practitioner.count("supervisorId = ?1 and trainee = true", id) > 0) {
            throw new InvalidFieldException("supervisor", "still supervises trainees; give them another supervisor first");
        }
        Practitioner p = existing != null ? existing : new Practitioner();
        p.id = id;
        p.clinicId = clinic;
        p.trainee = trainee;
        p.supervisor = supervisor;
        p.supervisorId = trainee ? supervisorId : null;
        p.updatedBy = caller.id();
        p.updatedAt = clock.instant();
        p.persist();
        return p;
    }
}
