package care.securebase.intake;

import care.securebase.intake.matching.Contacts;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A person who came to a clinic of the network. */
@Entity
public class Client extends PanacheEntityBase {

    public enum Channel { EMAIL, SMS, NONE }

    public enum Status { REGISTERED, WAITLISTED, ASSIGNED, DISCHARGED }

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "legal_name")
    public String legalName;
    @Column(name = "preferred_name")
    public String preferredName;
    public String pronouns;
    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;
    public String email;
    public String phone;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public Channel preferredChannel;
    public String language;
    @Column(name = "time_zone")
    public String timeZone;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "clinician_id")
    public String clinicianId;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "emergency_contact_name")
    public String emergencyContactName;
    @Column(name = "emergency_contact_relationship")
    public String emergencyContactRelationship;
    @Column(name = "emergency_contact_phone")
    public String emergencyContactPhone;
    /** Under 18 on the registration date in the clinic's time zone: a guardian is then on record. */
    @Column(name = "minor_at_registration")
    public boolean minorAtRegistration;
    @Column(name = "guardian_name")
    public String guardianName;
    @Column(name = "guardian_relationship")
    public String guardianRelationship;
    @Column(name = "guardian_phone")
    public String guardianPhone;
    @Column(name = "guardian_email")
    public String guardianEmail;
    /** Who registered the client despite possible duplicates, and when. */
    @Column(name = "not_duplicate_confirmed_by")
    public String notDuplicateConfirmedBy;
    @Column(name = "not_duplicate_confirmed_at")
    public Instant notDuplicateConfirmedAt;
    @Column(name = "email_key")
    public String emailKey;
    @Column(name = "phone_key")
    public String phoneKey;
    /** The risk level of the latest intake, for the caseload and search filters. */
    @Column(name = "risk_level")
    public String riskLevel;

    public boolean hasGuardian() {
        return guardianName != null;
    }

    /** Keys for duplicate search follow the contact details whoever changes them. */
    @PrePersist
    @PreUpdate
    void keys() {
        emailKey = Contacts.emailKey(email);
        phoneKey = Contacts.phoneKey(phone);
    }

    public String nameToUse() {
        return preferredName != null && !preferredName.isBlank() ? preferredName : legalName;
    }

    public static Optional<Client> findInClinic(UUID id, String clinicId) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }
}
