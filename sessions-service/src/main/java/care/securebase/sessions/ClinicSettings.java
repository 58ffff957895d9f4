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

    @Id
    @Column(name = "clinic_id")
    public String clinicId;
    @Enumerated(EnumType.STRING)
    @Column(name = "note_format")
    public NoteFormat noteFormat;
    @Column(name = "overdue_note_days")
    public int overdueNoteDays;
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
