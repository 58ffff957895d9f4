package care.securebase.referrals.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/** Validates resources against the FHIR R4 base profiles with HAPI's instance validator. */
final class FhirValidation {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static FhirValidator validator;

    private FhirValidation() {
    }

    /** Error and fatal messages of the validation; empty when the resource is valid. */
    static synchronized List<String> errors(String json) {
        if (validator == null) {
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(CONTEXT),
                    new InMemoryTerminologyServerValidationSupport(CONTEXT),
                    new CommonCodeSystemsTerminologyService(CONTEXT));
            validator = CONTEXT.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }
        ValidationResult result = validator.validateWithResult(json);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }
}
