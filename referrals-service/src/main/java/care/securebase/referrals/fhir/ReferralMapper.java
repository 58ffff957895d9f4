package care.securebase.referrals.fhir;

import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.Program;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralCodes.SharedItem;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.ReferralStep;
import care.securebase.referrals.service.ReferralRecord;
import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A referral as a FHIR R4 ServiceRequest (what was asked) and Task (where it stands: status plus
 * business status). The clinic's version names the client by id; the partner's carries only what
 * was shared with it, the client as a contained Patient with just the shared details.
 */
public final class ReferralMapper {

    private static final String SNOMED = "http://snomed.info/sct";

    private ReferralMapper() {
    }

    public static ServiceRequest serviceRequest(ReferralRecord record, PartnerOrganisation org) {
        Referral r = record.referral();
        boolean partner = record.forPartner();
        ServiceRequest request = new ServiceRequest();
        request.setId(r.id.toString());
        request.addIdentifier().setSystem(Fhir.REFERRAL_ID_SYSTEM).setValue(r.id.toString());
        request.setStatus(ServiceRequest.ServiceRequestStatus.fromCode(record.status().fhirRequestStatus()));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.addCategory(new CodeableConcept(new Coding(SNOMED, "3457005", "Patient referral")));
        request.setPriority(priority(r.urgency));
        request.setCode(programCode(r, record.program()));
        request.setSubject(subject(request, r, partner));
        request.setAuthoredOn(Date.from(r.createdAt));
        if (!partner) {
            request.setRequester(clinic(r));
        }
        request.addPerformer(organisation(r, org));
        if (!partner || r.shares(SharedItem.REASON)) {
            request.addReasonCode().setText(r.reason);
        }
        if (r.hopes != null && (!partner || r.shares(SharedItem.HOPES))) {
            request.addNote(new Annotation().setText("What the client hopes for: " + r.hopes));
        }
        if (r.sharedInformation != null) {
            request.addNote(new Annotation().setText(r.sharedInformation));
        }
        if (r.scheduledFor != null && record.status() == ReferralStatus.SCHEDULED) {
            request.setOccurrence(new DateTimeType(r.scheduledFor.toString()));
        }
        return request;
    }

    public static Task task(ReferralRecord record, PartnerOrganisation org) {
        Referral r = record.referral();
        boolean partner = record.forPartner();
        ReferralStatus status = record.status();
        Task task = new Task();
        task.setId(r.id.toString());
        task.addIdentifier().setSystem(Fhir.REFERRAL_ID_SYSTEM).setValue(r.id.toString());
        task.addBasedOn(new Reference("ServiceRequest/" + r.id));
        task.setFocus(new Reference("ServiceRequest/" + r.id));
        task.setStatus(Task.TaskStatus.fromCode(status.fhirTaskStatus()));
        task.setBusinessStatus(new CodeableConcept(new Coding(Fhir.REFERRAL_STATUS_SYSTEM, status.businessStatus(),
                status.name().charAt(0) + status.name().substring(1).toLowerCase().replace('_', ' '))));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(Task.TaskPriority.fromCode(priority(r.urgency).toCode()));
        task.setCode(programCode(r, record.program()));
        if (!partner) {
            task.setFor(new Reference("Patient/" + r.clientId).setIdentifier(clientIdentifier(r)));
            task.setRequester(clinic(r));
        }
        task.setAuthoredOn(Date.from(r.createdAt));
        task.setLastModified(Date.from(record.updatedAt()));
        task.setOwner(organisation(r, org));
        // The partner is asked to answer by the respond-by day.
        task.getRestriction().setPeriod(new Period().setEndElement(new DateTimeType(r.respondBy.toString())));
        ReferralStep last = record.history().isEmpty() ? null : record.history().get(record.history().size() - 1);
        if (last != null && last.code != null) {
            switch (status) {
                case DECLINED, CANCELLED, EXPIRED -> task.setStatusReason(
                        new CodeableConcept(new Coding(Fhir.REFERRAL_REASON_SYSTEM, last.code, null)));
                case COMPLETED -> task.addOutput().setType(new CodeableConcept().setText("outcome"))
                        .setValue(new CodeableConcept(new Coding(Fhir.REFERRAL_OUTCOME_SYSTEM, last.code, null)));
                default -> {
                }
            }
        }
        if (status == ReferralStatus.SCHEDULED && r.scheduledFor != null) {
            task.addOutput().setType(new CodeableConcept().setText("scheduled-for")).setValue(day(r.scheduledFor));
        }
        return task;
    }

    private static Reference subject(ServiceRequest request, Referral r, boolean partner) {
        if (!partner) {
            return new Reference("Patient/" + r.clientId).setIdentifier(clientIdentifier(r));
        }
        // The partner never learns the client's id here: a contained Patient with only what was shared.
        Patient client = new Patient();
        client.setId("client");
        client.setActive(true);
        if (r.sharedName != null) {
            client.addName().setUse(HumanName.NameUse.USUAL).setText(r.sharedName);
        }
        if (r.sharedEmail != null) {
            client.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(r.sharedEmail);
        }
        if (r.sharedPhone != null) {
            client.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(r.sharedPhone);
        }
        if (r.sharedLanguage != null) {
            client.addCommunication().setPreferred(true).setLanguage(new CodeableConcept(
                    new Coding("urn:ietf:bcp:47", r.sharedLanguage, null)));
        }
        request.addContained(client);
        return new Reference("#client");
    }

    private static Identifier clientIdentifier(Referral r) {
        return new Identifier().setSystem(Fhir.CLIENT_ID_SYSTEM).setValue(r.clientId.toString());
    }

    private static Reference clinic(Referral r) {
        return new Reference().setType("Organization")
                .setIdentifier(new Identifier().setSystem(Fhir.CLINIC_ID_SYSTEM).setValue(r.clinicId))
                .setDisplay(r.clinicId);
    }

    private static Reference organisation(Referral r, PartnerOrganisation org) {
        return new Reference().setType("Organization")
                .setIdentifier(new Identifier().setSystem(Fhir.ORGANISATION_ID_SYSTEM).setValue(r.organisationId))
                .setDisplay(org == null ? r.organisationId : org.name);
    }

    private static CodeableConcept programCode(Referral r, Program program) {
        CodeableConcept code = new CodeableConcept(new Coding(Fhir.PROGRAM_KIND_SYSTEM, r.programKind.name(), null));
        return program == null ? code : code.setText(program.name);
    }

    private static ServiceRequest.ServiceRequestPriority priority(Referral.Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            case SOON -> ServiceRequest.ServiceRequestPriority.URGENT;
            case URGENT -> ServiceRequest.ServiceRequestPriority.ASAP;
        };
    }

    private static DateType day(LocalDate date) {
        return new DateType(date.toString());
    }
}
