package care.securebase.notifications.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;

/** A clinic's own reminder settings (boosters' and sessions' lead times, quiet hours, language); a clinic without a row uses the service's defaults. */
@Entity
@Table(name = "clinic_settings")
public class ClinicSettings extends PanacheEntityBase {

    @Id
    @Column(name = "clinic_id")
    public String clinicId;
    /** Comma-separated ISO-8601 durations, e.g. "P7D,P1D". */
    @Column(name = "lead_times")
    public String leadTimes;
    /** The same for reminders of scheduled sessions; null: the service's default. */
    @Column(name = "appointment_lead_times")
    public String appointmentLeadTimes;
    @Column(name = "quiet_start")
    public LocalTime quietStart;
    @Column(name = "quiet_end")
    public LocalTime quietEnd;
    @Column(name = "default_language")
    public String defaultLanguage;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
