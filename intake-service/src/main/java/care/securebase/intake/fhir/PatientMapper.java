package care.securebase.intake.fhir;

import care.securebase.intake.Client;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** A client as a FHIR R4 Patient: identity and contact, nothing clinical. */
public final class PatientMapper {

    private PatientMapper() {
    }

    public static Patient toPatient(Client client) {
        Patient patient = new Patient();
        patient.setId(client.id.toString());
        patient.addIdentifier().setUse(Identifier.IdentifierUse.USUAL)
                .setSystem(Fhir.CLIENT_ID_SYSTEM).setValue(client.id.toString());
        patient.setActive(true);
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(client.legalName);
        if (client.preferredName != null && !client.preferredName.isBlank()) {
            patient.addName().setUse(HumanName.NameUse.USUAL).setText(client.preferredName);
        }
        patient.setBirthDate(Date.from(client.dateOfBirth.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        if (client.email != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(client.email)
                    .setRank(client.preferredChannel == Client.Channel.EMAIL ? 1 : 2);
        }
        if (client.phone != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(client.phone)
                    .setRank(client.preferredChannel == Client.Channel.SMS ? 1 : 2);
        }
        patient.addCommunication().setPreferred(true).setLanguage(new CodeableConcept(
                new Coding("urn:ietf:bcp:47", client.language, null)));
        patient.setManagingOrganization(new Reference()
                .setIdentifier(new Identifier().setSystem(Fhir.CLINIC_ID_SYSTEM).setValue(client.clinicId))
                .setDisplay(client.clinicId));
        return patient;
    }
}
