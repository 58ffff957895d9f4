package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How a clinic keeps its notes: the format new notes take and when an unsigned draft is overdue. */
@Entity
@Table(name = "clinic_settings")
public class ClinicSettings extends PanacheEntityBase {

    public static final NoteFormat DEFAULT_FORMAT = NoteFormat.DAP;
    public static final int DEFAULT_OVERDUE_DAYS = 3;
    public static final int DEFAULT_CHECK_IN_EXPIRY_HOURS = 72;
    public static final int DEFAULT_MISSED_CHECK_INS = 3;

    @Id
    @Column(name = "clinic_id")
    public String clinicId;
    @Enumerated(EnumType.STRING)
    @Column(name = "note_format")
    public NoteFormat noteFormat;
    @Column(name = "overdue_note_days")
    public int overdueNoteDays;
    /** How long a check-in's link lives after the check-in falls due. */
    @Column(name = "check_in_expiry_hours")
    public int checkInExpiryHours = DEFAULT_CHECK_IN_EXPIRY_HOURS;
    /** This many check-ins expired unanswered in a row raise a MISSED_CHECK_INS flag. */
    @Column(name = "missed_check_ins_flag")
    public int missedCheckInsFlag = DEFAULT_MISSED_CHECK_INS;
    /** The cadence of the schedule a new maintenance plan starts; null: none (the clinician sets one). */
    @Enumerated(EnumType.STRING)
    @Column(name = "maintenance_check_ins")
    public CheckInCadence.Frequency maintenanceCheckIns;
    /** Who hears at once of a risk answer on a check-in; null when nobody is on call. */
    @Column(name = "on_call_clinician_id")
    public String onCallClinicianId;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The clinic's settings, or the defaults (not stored) when it never set any. */
    public static ClinicSettings of(String clinicId) {
        ClinicSettings found = findById(clinicId);
        if (found != null) {
            return found;
        }
        ClinicSettings defaults = new ClinicSettings();
        defaults.clinicId = clinicId;
        defaults.noteFormat = DEFAULT_FORMAT;
        defaults.overdueNoteDays = DEFAULT_OVERDUE_DAYS;
        return defaults;
    }
}
