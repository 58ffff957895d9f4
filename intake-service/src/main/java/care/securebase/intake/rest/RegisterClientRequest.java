package care.securebase.intake.rest;

import care.securebase.intake.Client;
import care.securebase.intake.service.ConsentService;
import care.securebase.kit.input.Label;
import care.securebase.kit.input.PersonName;
import care.securebase.kit.input.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegisterClient")
public record RegisterClientRequest(
        @NotBlank @Size(max = 200) @PersonName @Schema(examples = "Jordan Avery Lee") String legalName,
        @Size(max = 200) @PersonName @Schema(examples = "Jo") String preferredName,
        @Size(max = 50) @Label @Schema(examples = "they/them") String pronouns,
        @NotNull @Past @Schema(examples = "1990-04-12") LocalDate dateOfBirth,
        @Email @Size(max = 254) @Schema(examples = "jo.lee@example.org") String email,
        @Pattern(regexp = PHONE) @Schema(examples = "+44 20 7946 0000") String phone,
        @NotNull Client.Channel preferredChannel,
        @NotBlank @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") @Schema(examples = "en") String language,
        @NotBlank @ValidTimeZone @Schema(examples = "Europe/London") String timeZone,
        @Size(max = 50) @Schema(description = "Defaults to the caller's clinic") String clinicId,
        @Valid @Schema(description = "Whom to call in an emergency") EmergencyContact emergencyContact,
        @Valid @Schema(description = "Required for a client under 18 on the registration date") Guardian guardian,
        @Size(max = 20) @Schema(description = "Consents given at registration; a minor's guardian must consent to TREATMENT")
        List<@NotNull @Valid RecordConsentRequest> consents,
        @Schema(description = "Register although possible duplicates were reported; recorded with who and when")
        Boolean confirmNotDuplicate) {

    public record EmergencyContact(
            @NotBlank @Size(max = 200) @PersonName String name,
            @NotBlank @Size(max = 100) @Label @Schema(examples = "sister") String relationship,
            @NotBlank @Pattern(regexp = PHONE) String phone) {
    }

    public record Guardian(
            @NotBlank @Size(max = 200) @PersonName String name,
            @NotBlank @Size(max = 100) @Label @Schema(examples = "mother") String relationship,
            @NotBlank @Pattern(regexp = PHONE) String phone,
            @NotBlank @Email @Size(max = 254) String email) {
    }

    static final String PHONE = "\\+?[0-9 ()-]{6,30}";

    List<ConsentService.NewConsent> newConsents() {
        return consents == null ? List.of() : consents.stream().map(RecordConsentRequest::toNewConsent).toList();
    }

    boolean confirmedNotDuplicate() {
        return Boolean.TRUE.equals(confirmNotDuplicate);
    }

    Client toClient() {
        Client client = new Client();
        // One spelling of a name, whichever way the keyboard composed it: stored and compared as NFC.
        client.legalName = Text.nfc(legalName.strip());
        client.preferredName = Text.nfc(preferredName);
        client.pronouns = pronouns;
        client.dateOfBirth = dateOfBirth;
        client.email = email;
        client.phone = phone;
        client.preferredChannel = preferredChannel;
        client.language = language;
        client.timeZone = timeZone;
        client.clinicId = clinicId;
        if (emergencyContact != null) {
            client.emergencyContactName = Text.nfc(emergencyContact.name().strip());
            client.emergencyContactRelationship = emergencyContact.relationship().strip();
            client.emergencyContactPhone = emergencyContact.phone();
        }
        if (guardian != null) {
            client.guardianName = Text.nfc(guardian.name().strip());
            client.guardianRelationship = guardian.relationship().strip();
            client.guardianPhone = guardian.phone();
            client.guardianEmail = guardian.email();
        }
        return client;
    }
}
