package care.securebase.intake.rest;

import care.securebase.intake.Consent;
import care.securebase.intake.service.ConsentService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecordConsent")
public record RecordConsentRequest(
        @NotNull Consent.Scope scope,
        @NotNull @Schema(description = "false records a refusal") Boolean granted,
        @Schema(description = "Whose consent: the client's (default) or their guardian's") Consent.RecordedFor recordedFor,
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*")
        @Schema(examples = "consent-form-2026.1", description = "The version of the form that was signed") String formVersion) {

    ConsentService.NewConsent toNewConsent() {
        return new ConsentService.NewConsent(scope, granted, recordedFor == null ? Consent.RecordedFor.CLIENT : recordedFor,
                formVersion);
    }
}
