package care.securebase.sessions.service;

import care.securebase.kit.security.Caller;
import care.securebase.kit.security.Roles;
import care.securebase.sessions.Practitioner;
import jakarta.enterprise.context.RequestScoped;

/** The caller as sessions-service sees them: clinician, supervisor or clinic-admin of a clinic. */
@RequestScoped
public class Staff {

    private final Caller caller;

    public Staff(Caller caller) {
        this.caller = caller;
    }

    public String id() {
        return caller.id();
    }

    public String clinic() {
        return caller.requireClinic();
    }

    public boolean isAdmin() {
        return caller.hasRole(Roles.CLINIC_ADMIN);
    }

    public boolean isClinician() {
        return caller.hasRole(Roles.CLINICIAN);
    }

    public boolean clinicIdMatches(String clinicId) {
        return caller.clinicId().map(clinicId::equals).orElse(false);
    }

    /** Supervisors and clinic-admins see the whole clinic's caseload, overdue notes and so on. */
    public boolean seesWholeClinic() {
        return isAdmin() || caller.clinicId().map(c -> Practitioner.isSupervisorAt(caller.id(), c)).orElse(false);
    }
}
