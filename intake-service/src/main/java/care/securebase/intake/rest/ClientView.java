package care.securebase.intake.rest;

import care.securebase.intake.Client;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ClientView(UUID id, String clinicId, String legalName, String preferredName, String pronouns,
                         LocalDate dateOfBirth, String email, String phone, Client.Channel preferredChannel,
                         String language, String timeZone, Client.Status status, String clinicianId,
                         Instant registeredAt, RegisterClientRequest.EmergencyContact emergencyContact,
                         boolean minorAtRegistration, RegisterClientRequest.Guardian guardian, boolean waitlisted,
                         String riskLevel, String notDuplicateConfirmedBy, Instant notDuplicateConfirmedAt) {

    static ClientView of(Client c) {
        return new ClientView(c.id, c.clinicId, c.legalName, c.preferredName, c.pronouns, c.dateOfBirth, c.email,
                c.phone, c.preferredChannel, c.language, c.timeZone, c.status, c.clinicianId, c.registeredAt,
                c.emergencyContactName == null ? null : new RegisterClientRequest.EmergencyContact(
                        c.emergencyContactName, c.emergencyContactRelationship, c.emergencyContactPhone),
                c.minorAtRegistration,
                c.guardianName == null ? null : new RegisterClientRequest.Guardian(
                        c.guardianName, c.guardianRelationship, c.guardianPhone, c.guardianEmail),
                c.status == Client.Status.WAITLISTED, c.riskLevel, c.notDuplicateConfirmedBy, c.notDuplicateConfirmedAt);
    }
}
