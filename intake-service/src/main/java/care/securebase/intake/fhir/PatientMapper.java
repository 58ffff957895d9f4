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

/** A client as a FHIR R4 Patient: identity, contact, guardian and emergency contact; nothing clinical. */
public final class PatientMapper {

    static final String CONTACT_ROLE = "http://terminology.hl7.org/CodeSystem/v2-0131";
    static final String SNOMED = "http://snomed.info/sct";

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
        if (client.guardianName != null) {
            Patient.ContactComponent guardian = contact(patient, client.guardianName, client.guardianRelationship,
                    new Coding(SNOMED, "394619001", "Guardian (person)"), client.guardianPhone);
            if (client.guardianEmail != null) {
                guardian.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(client.guardianEmail);
            }
        }
        if (client.emergencyContactName != null) {
            contact(patient, client.emergencyContactName, client.emergencyContactRelationship,
                    new Coding(CONTACT_ROLE, "C", "Emergency Contact"), client.emergencyContactPhone);
        }
        patient.addCommunication().setPreferred(true).setLanguage(new CodeableConcept(
                new Coding("urn:ietf:bcp:47", client.language, null)));
        patient.setManagingOrganization(new Reference()
                .setIdentifier(new Identifier().setSystem(Fhir.CLINIC_ID_SYSTEM).setValue(client.clinicId))
                .setDisplay(client.clinicId));
        return patient;
    }

    /**
     * A contact's role as a code a receiving system can act on (HL7 v2 table 0131 has emergency contact but
     * no guardian, so the guardian is SNOMED CT's) and, as the concept's text, how they relate to the client
     * in the clinic's words ("mother", "sister").
     */
    private static Patient.ContactComponent contact(Patient patient, String name, String relationship, Coding role,
                                                    String phone) {
        Patient.ContactComponent contact = patient.addContact();
        contact.addRelationship(new CodeableConcept(role).setText(relationship));
        contact.setName(new HumanName().setText(name));
        contact.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        return contact;
    }
}
